#pragma once
// Text of a form not yet sent (feedback, a survey action), kept on this device while it is written so a
// closed tab loses nothing, and sent only with the form.
#include "feature_api/drafts.h"

namespace tandem::client {
class Context;

// The field `field` of the form `form_id`, filled from what this device kept.
TextDraft& form_text(Context& ctx, const std::string& form_id, const char* field);
// Its label, an optional hint, and the field (one line when `height` is 0). True when the text changed.
bool draw_form_field(Context& ctx, TextDraft& draft, const char* label, const char* hint, float height);

} // namespace tandem::client
