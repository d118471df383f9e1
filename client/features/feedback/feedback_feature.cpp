// What feedback and recognition add to the app: their screens, and on a manager's home the requests for
// feedback still waiting for an answer.
#include "feature_api/context.h"
#include "feature_api/per_user.h"
#include "features/feedback/feedback.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

namespace {
PerUser<FeedbackWorld> world;

void rebuild(const ViewSource& source) { world = feedback_world(source.store, source.user_id); }

// Requests for feedback are to-dos: they sit on the home screen until answered or declined.
// Each asker is named (a report asking about their own work reads as plainly as a peer manager).
void draw_waiting_requests(Context& ctx) {
    const int asked = feedback_on_device().open_requests();
    if (!asked) return;
    std::string first;
    for (const auto& request : feedback_on_device().asked_of_me)
        if (request.open() && first.empty()) first = ctx.directory().name_of(request.from_id, "A colleague");
    const std::string who = asked == 1 ? first + " is"
                                       : first + " and " + std::to_string(asked - 1) +
                                             (asked == 2 ? " other are" : " others are");
    ImGui::PushTextWrapPos(0);
    ui::text_colored(ui::theme::kWarning, who + " waiting for your feedback");
    ImGui::PopTextWrapPos();
    // Beside the sentence when it fits, else under it (a phone).
    const float answer_width = ImGui::CalcTextSize("Answer").x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < answer_width) ImGui::NewLine();
    if (ui::link("Answer##open-requests")) ctx.open_screen(kFeedbackScreen);
}
}  // namespace

void register_feedback(Registry& registry) {
    registry.add_screen({kFeedbackScreen, draw_feedback_screen, {},
                         {{Role::Manager, "Feedback"}, {Role::HrAdmin, "Feedback"}, {Role::Mentor, "Feedback"},
                          {Role::Employee, "Feedback"}}});
    registry.add_screen({kGiveFeedbackScreen, draw_give_feedback_screen, {}, {}, kFeedbackScreen});
    registry.add_screen({kRecognitionScreen, draw_recognition_screen, {},
                         {{Role::Manager, "Recognition"}, {Role::HrAdmin, "Recognition"},
                          {Role::Mentor, "Recognition"}, {Role::Employee, "Recognition"}}});
    registry.add_home_item({"feedback/waiting-requests", draw_waiting_requests});
    registry.add_views(rebuild);
}

const FeedbackWorld& feedback_on_device() { return world; }

} // namespace tandem::client
