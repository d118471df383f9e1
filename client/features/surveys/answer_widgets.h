#pragma once
// One question's answer controls, the same on a kiosk and in the app's own "Answer" screen: a row of large
// number buttons for the scales, one full-width button per choice, a text box for comments. A tap on the
// chosen value clears it, since every question may be skipped.
#include <string>

#include "tandem/base/change.h"

namespace tandem::client {

// `question`: {"question_id", "kind", "text", "choices"} as GET /api/v1/answer/{token} gives it. `chosen` is the
// answer (null for none), `text` the comment being typed; widget ids read "##<prefix>-value-3" and so on.
void draw_answer_widget(const Json& question, Json& chosen, std::string& text, const std::string& id_prefix,
                        float target_height);

} // namespace tandem::client
