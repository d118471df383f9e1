// What guides add to the app: the list of templates and playbooks, one guide, and the picker on a 1:1's
// agenda that adds a guide's prompts; the guides this device holds, and the commands that write them.
#include "feature_api/context.h"
#include "feature_api/per_user.h"
#include "features/guides/guides.h"
#include "tandem/guides/guide_views.h"
#include "tandem/one_on_ones/checkin_views.h"

namespace tandem::client {

namespace {

struct GuidesState {
    std::vector<GuideView> guides;
    std::string open_guide_id;
};
PerUser<GuidesState> state;

void rebuild(const ViewSource& source) { state.guides = guide_views(source.store); }

}  // namespace

void register_guides(Registry& registry) {
    registry.add_screen({kGuidesScreen, draw_guides_screen, {},
                         {{Role::Manager, "Guides"}, {Role::HrAdmin, "Guides"}, {Role::Mentor, "Guides"},
                          {Role::Employee, "Guides"}}});
    registry.add_screen({kGuideScreen, draw_guide_screen, {}, {}, kGuidesScreen});
    registry.add_agenda_item({"guides/picker", AgendaItem::Where::BelowTalkingPoints, draw_guide_picker});
    registry.add_views(rebuild);
}

const std::vector<GuideView>& guides_on_device() { return state.guides; }

const GuideView* find_guide(const std::string& guide_id) {
    for (const auto& guide : state.guides)
        if (guide.guide_id == guide_id) return &guide;
    return nullptr;
}

const std::string& open_guide_id() { return state.open_guide_id; }

void open_guide(Context& ctx, const std::string& guide_id) {
    ctx.open_screen(kGuideScreen, [guide_id](Context&) { state.open_guide_id = guide_id; });
}

void add_guide_to_agenda(Context& ctx, const CheckInDetail& checkin, const GuideView& guide) {
    int position = checkin.agenda.empty() ? 0 : checkin.agenda.back().position;
    const std::string source = guide.title + " v" + std::to_string(guide.version);
    for (const auto& prompt : guide.prompts) {
        position += 1000;
        ctx.edit("talking_point", ctx.new_record_id(),
                 {{"checkin_id", checkin.checkin_id}, {"text", prompt.substr(0, 1000)}, {"position", position},
                  {"done", false}, {"source", source}, {"guide_version_id", guide.version_id}});
    }
}

std::string publish_guide(Context& ctx, const std::string& guide_id, const std::string& kind, const std::string& title,
                          const std::string& topic, const std::string& body) {
    std::string id = guide_id;
    int version = 1;
    if (const GuideView* guide = find_guide(guide_id)) version = guide->version + 1;
    if (id.empty()) {
        id = ctx.new_record_id();
        if (ctx.edit("guide", id, {{"kind", kind}, {"title", title}, {"topic", topic}, {"archived", false}}).problem)
            return "";
    }
    const std::string version_id = ctx.new_record_id();
    if (ctx.edit("guide_version", version_id,
                 {{"guide_id", id}, {"version", version}, {"title", title}, {"body", body}})
            .problem)
        return "";
    ctx.edit("guide", id, {{"title", title}, {"topic", topic}, {"current_version_id", version_id}});
    return id;
}

void rate_guide(Context& ctx, const GuideView& guide, const Json& fields) {
    for (const auto& given : guide.feedback)
        if (given.author_id == ctx.user().id) {
            ctx.edit("guide_feedback", given.feedback_id, fields);
            return;
        }
    Json created = fields;
    created["owner_id"] = ctx.user().id;
    created["guide_id"] = guide.guide_id;
    ctx.edit("guide_feedback", ctx.new_record_id(), created);
}

} // namespace tandem::client
