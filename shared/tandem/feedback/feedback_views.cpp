#include "tandem/feedback/feedback_views.h"

#include <algorithm>
#include <unordered_set>

namespace tandem {

namespace {

SituationBehaviourImpact sbi_of(const RecordState& state) {
    return {state.text("situation"), state.text("behaviour"), state.text("impact"), state.text("next_step")};
}

bool flag(const RecordState& state, const char* field) {
    const Json value = state.value(field);
    return value.is_boolean() && value.get<bool>();
}

// Newest first: by date, then by record id (UUIDv7, so creation order) for the same day.
template <typename View, typename Key>
void newest_first(std::vector<View>& views, Key key) {
    std::sort(views.begin(), views.end(), [&](const View& a, const View& b) { return key(a) > key(b); });
}

}  // namespace

const ValueTagView* FeedbackWorld::value_tag(const std::string& tag_id) const {
    for (const auto& tag : value_tags)
        if (tag.tag_id == tag_id) return &tag;
    return nullptr;
}

int FeedbackWorld::open_requests() const {
    int open = 0;
    for (const auto& request : asked_of_me) open += request.open();
    return open;
}

FeedbackWorld feedback_world(Store& store, const std::string& user_id) {
    FeedbackWorld world;
    for (const auto& record : store.records_of("value_tag"))
        if (!record.state.deleted)
            world.value_tags.push_back({record.state.record_id, record.state.text("name"),
                                        record.state.text("description"), flag(record.state, "archived")});
    std::sort(world.value_tags.begin(), world.value_tags.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
    std::vector<FeedbackView> answers;
    for (const auto& record : store.records_of("feedback")) {
        if (record.state.deleted) continue;
        const auto& s = record.state;
        FeedbackView view{s.record_id,        s.text("from_id"),    s.text("about_id"),
                          s.text("kind"),     s.text("visibility"), s.text("value_tag_id"),
                          s.text("request_id"), s.text("given_on"), sbi_of(s)};
        if (!view.request_id.empty()) answers.push_back(view);
        (view.from_id == user_id ? world.given : world.received).push_back(std::move(view));
    }
    for (const auto& record : store.records_of("feedback_request")) {
        if (record.state.deleted) continue;
        const auto& s = record.state;
        FeedbackRequestView view{s.record_id,         s.text("from_id"),  s.text("asked_id"),
                                 s.text("about_id"),  s.text("question"), s.text("asked_on"),
                                 s.text("decline_reason"), flag(s, "declined"), ""};
        for (const auto& answer : answers)
            if (answer.request_id == view.request_id) view.answer_id = answer.feedback_id;
        if (view.asked_id == user_id) world.asked_of_me.push_back(view);
        if (view.from_id == user_id) world.my_requests.push_back(std::move(view));
    }
    for (const auto& record : store.records_of("recognition")) {
        if (record.state.deleted) continue;
        const auto& s = record.state;
        world.recognitions.push_back({s.record_id, s.text("from_id"), s.text("about_id"), s.text("about_name"),
                                      s.text("value_tag_id"), s.text("given_on"), sbi_of(s), s.text("from_name")});
    }
    for (const auto& record : store.records_of("spotlight")) {
        if (record.state.deleted) continue;
        const auto& s = record.state;
        world.spotlights.push_back({s.record_id, s.text("about_id"), s.text("about_name"), s.text("value_tag_id"),
                                    s.text("message"), s.text("nomination_id"), s.text("since"), flag(s, "ended")});
    }
    for (const auto& record : store.records_of("nomination")) {
        if (record.state.deleted) continue;
        const auto& s = record.state;
        world.nominations.push_back({s.record_id, s.text("from_id"), s.text("about_id"), s.text("about_name"),
                                     s.text("value_tag_id"), s.text("reason"), s.text("nominated_on")});
    }
    auto by_date = [](const std::string& date, const std::string& id) { return date + id; };
    newest_first(world.given, [&](const auto& v) { return by_date(v.given_on, v.feedback_id); });
    newest_first(world.received, [&](const auto& v) { return by_date(v.given_on, v.feedback_id); });
    newest_first(world.my_requests, [&](const auto& v) { return by_date(v.asked_on, v.request_id); });
    newest_first(world.asked_of_me, [&](const auto& v) {
        return std::string(v.open() ? "1" : "0") + by_date(v.asked_on, v.request_id);
    });
    newest_first(world.recognitions, [&](const auto& v) { return by_date(v.given_on, v.recognition_id); });
    newest_first(world.spotlights, [&](const auto& v) {
        return std::string(v.ended ? "0" : "1") + by_date(v.since, v.spotlight_id);
    });
    newest_first(world.nominations, [&](const auto& v) { return by_date(v.nominated_on, v.nomination_id); });
    return world;
}

std::vector<RecognitionView> wall_of(const FeedbackWorld& world, const std::vector<std::string>& members) {
    const std::unordered_set<std::string> team(members.begin(), members.end());
    std::vector<RecognitionView> wall;
    for (const auto& recognition : world.recognitions)
        if (team.count(recognition.about_id)) wall.push_back(recognition);
    return wall;
}

} // namespace tandem
