#include "ui/form_text.h"

#include "feature_api/context.h"
#include "ui/widgets.h"

namespace tandem::client {

TextDraft& form_text(Context& ctx, const std::string& form_id, const char* field) {
    TextDraft& draft = ctx.draft(form_id + "/" + field, ctx.device_draft(form_id, field));
    if (draft.entity.empty()) {
        draft.entity = kDeviceDraftEntity;
        draft.record_id = form_id;
        draft.field = field;
    }
    return draft;
}

bool draw_form_field(Context& ctx, TextDraft& draft, const char* label, const char* hint, float height) {
    ui::text(label);
    if (hint) ui::muted(hint);
    const std::string id = "##" + draft.field;  // one form per screen, so the field names it
    bool changed = height > 0 ? ui::input_multiline(id.c_str(), draft.text, height)
                              : (ImGui::SetNextItemWidth(-1), ui::input_text(id.c_str(), draft.text));
    if (changed) ctx.typed(draft);
    if (ui::committed_edit()) ctx.commit_draft(draft);
    return changed;
}

} // namespace tandem::client
