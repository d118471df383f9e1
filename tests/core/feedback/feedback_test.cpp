// Feedback, requests, recognition and champions through the server's whole path (push judged by policy,
// pull filtered by it): a permission matrix per record type with the giver, the person it is about, that
// person's manager, another manager, HR, a mentor and an employee; and what the read model makes of it.
#include <gtest/gtest.h>

#include <algorithm>

#include "support/policy_org.h"
#include "tandem/feedback/feedback_views.h"
#include "tandem/people/colleague_views.h"
#include "tandem/base/ids.h"
#include "tandem/sync/sync_service.h"

namespace tandem {
namespace {

struct Org : PolicyOrg {
    Json feedback_fields(const std::string& from, const std::string& about, const char* visibility) {
        return {{"from_id", from}, {"about_id", about}, {"kind", "praise"}, {"visibility", visibility},
                {"given_on", "2026-11-20"}, {"situation", "Monday's incident review"},
                {"behaviour", "You named your own mistake first"}, {"impact", "Others followed"}};
    }
};

TEST(FeedbackRules, PrivateFeedbackIsItsGiversAndSharedFeedbackAlsoThePersons) {
    Org o;
    const std::string kept = o.id(), shared = o.id(), to_peer = o.id();
    EXPECT_EQ(o.push(o.maya, "feedback", kept, o.feedback_fields(o.maya, o.rui, "private")).status, "accepted");
    EXPECT_EQ(o.push(o.maya, "feedback", shared, o.feedback_fields(o.maya, o.rui, "shared")).status, "accepted");
    EXPECT_EQ(o.push(o.maya, "feedback", to_peer, o.feedback_fields(o.maya, o.noah, "shared")).status, "accepted")
        << "a peer manager can be given feedback";
    EXPECT_EQ(o.readers(kept), "maya");
    EXPECT_EQ(o.readers(shared), "maya rui") << "not the manager above, not HR, not a mentor";
    EXPECT_EQ(o.readers(to_peer), "maya noah");
}

TEST(FeedbackRules, WhoMayGiveFeedbackAndToWhom) {
    Org o;
    EXPECT_EQ(o.push(o.maya, "feedback", o.id(), o.feedback_fields(o.maya, o.ola, "shared")).error->code, "forbidden")
        << "another manager's report";
    EXPECT_EQ(o.push(o.rui, "feedback", o.id(), o.feedback_fields(o.rui, o.maya, "shared")).error->code, "forbidden")
        << "employees have no feedback to give through Tandem yet";
    EXPECT_EQ(o.push(o.maya, "feedback", o.id(), o.feedback_fields(o.noah, o.rui, "shared")).error->code, "forbidden")
        << "written in someone else's name";
    EXPECT_EQ(o.push(o.maya, "feedback", o.id(), o.feedback_fields(o.maya, o.maya, "private")).error->code,
              "forbidden");
    EXPECT_EQ(o.push(o.dana, "feedback", o.id(), o.feedback_fields(o.dana, o.rui, "private")).status, "accepted")
        << "a manager further up the line";
    const std::string given = o.id();
    ASSERT_EQ(o.push(o.maya, "feedback", given, o.feedback_fields(o.maya, o.rui, "private")).status, "accepted");
    EXPECT_EQ(o.push(o.maya, "feedback", given, {{"visibility", "shared"}}).error->code, "invalid_change")
        << "who may read it is fixed when it is given";
    EXPECT_EQ(o.push(o.noah, "feedback", given, {{"impact", "edited"}}).error->code, "forbidden");
    EXPECT_EQ(o.push(o.maya, "feedback", given, {{"impact", "It set the tone"}}).status, "accepted");
}

TEST(FeedbackRules, ARequestIsTheAskedPersonsToDoUntilAnsweredOrDeclined) {
    Org o;
    const std::string request = o.id();
    const Json ask{{"from_id", o.maya}, {"asked_id", o.noah}, {"about_id", o.rui},
                   {"question", "How did Rui run the joint planning?"}, {"asked_on", "2026-11-20"}};
    EXPECT_EQ(o.push(o.maya, "feedback_request", o.id(),
                     {{"from_id", o.maya}, {"asked_id", o.rui}, {"about_id", o.maya}, {"question", "?"},
                      {"asked_on", "2026-11-20"}})
                  .error->code,
              "forbidden")
        << "an employee cannot be asked";
    EXPECT_EQ(o.push(o.noah, "feedback_request", o.id(),
                     {{"from_id", o.noah}, {"asked_id", o.hana}, {"about_id", o.rui}, {"question", "?"},
                      {"asked_on", "2026-11-20"}})
                  .error->code,
              "forbidden")
        << "about someone outside one's own team";
    ASSERT_EQ(o.push(o.maya, "feedback_request", request, ask).status, "accepted");
    EXPECT_EQ(o.readers(request), "maya noah");

    EXPECT_EQ(o.push(o.noah, "feedback_request", request, {{"question", "Changed"}}).error->code, "forbidden");
    EXPECT_EQ(o.push(o.noah, "feedback_request", request, {}, true).error->code, "forbidden")
        << "only the asker withdraws";
    EXPECT_EQ(o.push(o.maya, "feedback_request", request, {{"declined", true}}).error->code, "forbidden");
    EXPECT_EQ(o.push(o.elena, "feedback_request", request, {{"declined", true}}).error->code, "forbidden")
        << "not addressed to her";

    // Noah answers: the answer is about Rui and goes to Maya, who asked (not to Rui directly).
    Json answer = o.feedback_fields(o.noah, o.rui, "private");
    answer["request_id"] = request;
    EXPECT_EQ(o.push(o.elena, "feedback", o.id(), [&] {
                  Json a = answer;
                  a["from_id"] = o.elena;
                  return a;
              }()).error->code,
              "forbidden");
    Json wrong_person = answer;
    wrong_person["about_id"] = o.ola;
    EXPECT_EQ(o.push(o.noah, "feedback", o.id(), wrong_person).error->code, "invalid_change");
    const std::string answered = o.id();
    ASSERT_EQ(o.push(o.noah, "feedback", answered, answer).status, "accepted");
    EXPECT_EQ(o.readers(answered), "maya noah");

    Store maya_view(o.dir.file("maya.db"));
    for (const auto& row : o.service.pull(o.actor(o.maya), o.org, 0, 1000).rows) {
        const Json body = Json::parse(row.body);
        Change change;
        ASSERT_FALSE(from_json(body, change));
        StoredRecord record;
        if (auto stored = maya_view.load(change.record_id)) record = *stored;
        merge(record.state, change);
        maya_view.save(record);
    }
    const FeedbackWorld world = feedback_world(maya_view, o.maya);
    ASSERT_EQ(world.my_requests.size(), 1u);
    EXPECT_FALSE(world.my_requests[0].open());
    EXPECT_EQ(world.my_requests[0].answer_id, answered);
    ASSERT_EQ(world.received.size(), 1u);
    EXPECT_EQ(world.received[0].text.behaviour, "You named your own mistake first");
    const auto colleagues = colleague_views(maya_view);
    EXPECT_TRUE(std::any_of(colleagues.begin(), colleagues.end(),
                            [&](const ColleagueView& c) { return c.person_id == o.noah && c.name == "Noah"; }))
        << "colleague cards name managers to everyone";
}

TEST(FeedbackRules, TheAskedPersonDeclinesAndNothingElse) {
    Org o;
    const std::string request = o.id();
    ASSERT_EQ(o.push(o.maya, "feedback_request", request,
                     {{"from_id", o.maya}, {"asked_id", o.elena}, {"about_id", o.maya},
                      {"question", "How do I come across in leadership meetings?"}, {"asked_on", "2026-11-20"}})
                  .status,
              "accepted")
        << "a manager asks their mentor about themself";
    EXPECT_EQ(o.push(o.elena, "feedback_request", request, {{"declined", true}, {"decline_reason", "Not seen you there"}})
                  .status,
              "accepted");
    EXPECT_EQ(o.readers(request), "maya elena");
}

// Issue 22: an employee signs in. Rui reports to Maya; Kai is his team-mate; Ola is in Noah's team.
struct EmployeeOrg : Org {
    std::string kai = id();
    EmployeeOrg() { add_person(kai, "Kai", maya, Role::Employee); }
    Json ask(const std::string& from, const std::string& asked, const std::string& about) {
        return {{"from_id", from}, {"asked_id", asked}, {"about_id", about},
                {"question", "How did my demo on Tuesday land?"}, {"asked_on", "2026-11-20"}};
    }
};

TEST(EmployeeFeedback, AnEmployeeReadsWhatWasSharedWithThemAndNothingElse) {
    EmployeeOrg o;
    const std::string shared = o.id(), kept = o.id(), to_kai = o.id();
    ASSERT_EQ(o.push(o.maya, "feedback", shared, o.feedback_fields(o.maya, o.rui, "shared")).status, "accepted");
    ASSERT_EQ(o.push(o.maya, "feedback", kept, o.feedback_fields(o.maya, o.rui, "private")).status, "accepted");
    ASSERT_EQ(o.push(o.maya, "feedback", to_kai, o.feedback_fields(o.maya, o.kai, "shared")).status, "accepted");
    EXPECT_TRUE(o.sees(o.rui, shared));
    EXPECT_FALSE(o.sees(o.rui, kept)) << "private feedback about him stays his manager's";
    EXPECT_FALSE(o.sees(o.rui, to_kai)) << "a team-mate's feedback is theirs";
    EXPECT_EQ(o.push(o.rui, "feedback", o.id(), o.feedback_fields(o.rui, o.kai, "shared")).error->code, "forbidden")
        << "employees give no feedback";
    EXPECT_EQ(o.push(o.rui, "feedback", o.id(), o.feedback_fields(o.rui, o.maya, "shared")).error->code, "forbidden")
        << "not upwards either";
}

TEST(EmployeeFeedback, AnEmployeeAsksTheirOwnManagerAboutThemselfOnly) {
    EmployeeOrg o;
    EXPECT_EQ(o.push(o.rui, "feedback_request", o.id(), o.ask(o.rui, o.maya, o.kai)).error->code, "forbidden")
        << "about a team-mate";
    EXPECT_EQ(o.push(o.rui, "feedback_request", o.id(), o.ask(o.rui, o.kai, o.rui)).error->code, "forbidden")
        << "of a peer";
    EXPECT_EQ(o.push(o.rui, "feedback_request", o.id(), o.ask(o.rui, o.noah, o.rui)).error->code, "forbidden")
        << "of another manager";
    EXPECT_EQ(o.push(o.rui, "feedback_request", o.id(), o.ask(o.rui, o.dana, o.rui)).error->code, "forbidden")
        << "of the manager's manager";
    EXPECT_EQ(o.push(o.rui, "feedback_request", o.id(), o.ask(o.rui, o.hana, o.rui)).error->code, "forbidden")
        << "of HR";
    EXPECT_EQ(o.push(o.rui, "feedback_request", o.id(), o.ask(o.maya, o.maya, o.rui)).error->code, "forbidden")
        << "in someone else's name";
    const std::string request = o.id(), declined = o.id(), withdrawn = o.id();
    ASSERT_EQ(o.push(o.rui, "feedback_request", request, o.ask(o.rui, o.maya, o.rui)).status, "accepted");
    EXPECT_EQ(o.readers(request), "maya rui") << "not Dana above her, not HR, not Kai";
    EXPECT_EQ(o.push(o.rui, "feedback_request", request, {{"question", "How did my Tuesday demo land?"}}).status,
              "accepted");
    EXPECT_EQ(o.push(o.rui, "feedback_request", request, {{"declined", true}}).error->code, "forbidden")
        << "only the one asked declines";

    // Maya answers with feedback, which goes to Rui; she declines a second request with a reason.
    Json answer = o.feedback_fields(o.maya, o.rui, "private");
    answer["request_id"] = request;
    const std::string answered = o.id();
    ASSERT_EQ(o.push(o.maya, "feedback", answered, answer).status, "accepted");
    EXPECT_EQ(o.readers(answered), "maya rui");
    ASSERT_EQ(o.push(o.rui, "feedback_request", declined, o.ask(o.rui, o.maya, o.rui)).status, "accepted");
    EXPECT_EQ(o.push(o.maya, "feedback_request", declined,
                     {{"declined", true}, {"decline_reason", "Let's talk about it in our 1:1"}})
                  .status,
              "accepted");
    ASSERT_EQ(o.push(o.rui, "feedback_request", withdrawn, o.ask(o.rui, o.maya, o.rui)).status, "accepted");
    EXPECT_EQ(o.push(o.rui, "feedback_request", withdrawn, {}, true).status, "accepted") << "he may withdraw it";

    Store rui_view(o.dir.file("rui.db"));
    for (const auto& row : o.service.pull(o.actor(o.rui), o.org, 0, 1000).rows) {
        Change change;
        ASSERT_FALSE(from_json(Json::parse(row.body), change));
        StoredRecord record;
        if (auto stored = rui_view.load(change.record_id)) record = *stored;
        merge(record.state, change);
        rui_view.save(record);
    }
    const FeedbackWorld world = feedback_world(rui_view, o.rui);
    ASSERT_EQ(world.my_requests.size(), 2u) << "the withdrawn one is gone";
    int answered_count = 0, declined_count = 0;
    for (const auto& mine : world.my_requests) {
        answered_count += mine.answer_id == answered;
        declined_count += mine.declined && mine.decline_reason == "Let's talk about it in our 1:1";
    }
    EXPECT_EQ(answered_count, 1);
    EXPECT_EQ(declined_count, 1);
    ASSERT_EQ(world.received.size(), 1u);
    EXPECT_EQ(world.received[0].request_id, request);
    EXPECT_TRUE(world.asked_of_me.empty());
}

TEST(EmployeeFeedback, AnEmployeeRecognisesAnyoneElseNamingThemselfTruly) {
    EmployeeOrg o;
    Json praise{{"from_id", o.rui}, {"about_id", o.ola}, {"about_name", "Ola"}, {"from_name", "Rui"},
                {"given_on", "2026-11-20"}, {"behaviour", "Walked me through the deploy at midnight"}};
    const std::string recognition = o.id();
    ASSERT_EQ(o.push(o.rui, "recognition", recognition, praise).status, "accepted") << "someone in another team";
    EXPECT_EQ(o.readers(recognition), "dana maya noah rui ola hana elena kai");
    Json of_manager = praise;
    of_manager["about_id"] = o.maya;
    of_manager["about_name"] = "Maya";
    EXPECT_EQ(o.push(o.rui, "recognition", o.id(), of_manager).status, "accepted") << "his own manager";
    Json unsigned_praise = praise;
    unsigned_praise.erase("from_name");
    EXPECT_EQ(o.push(o.rui, "recognition", o.id(), unsigned_praise).status, "accepted")
        << "the giver's name is optional (devices from before it)";

    Json posing = praise;
    posing["from_name"] = "Maya";
    EXPECT_EQ(o.push(o.rui, "recognition", o.id(), posing).error->code, "invalid_change")
        << "the giver's copied name is his own";
    Json self = praise;
    self["about_id"] = o.rui;
    self["about_name"] = "Rui";
    EXPECT_EQ(o.push(o.rui, "recognition", o.id(), self).error->code, "forbidden");
    EXPECT_EQ(o.push(o.rui, "recognition", recognition, {{"behaviour", "edited"}}).status, "accepted")
        << "the author edits his own";
    EXPECT_EQ(o.push(o.kai, "recognition", recognition, {{"behaviour", "edited"}}).error->code, "forbidden");
    EXPECT_EQ(o.push(o.rui, "recognition", recognition, {{"from_name", "Kai"}}).error->code, "invalid_change")
        << "the copied name is fixed once written";
    const std::string value = o.id();
    ASSERT_EQ(o.push(o.hana, "value_tag", value, {{"name", "Says it early"}}).status, "accepted");
    EXPECT_EQ(o.push(o.rui, "nomination", o.id(),
                     {{"from_id", o.rui}, {"about_id", o.maya}, {"about_name", "Maya"}, {"value_tag_id", value},
                      {"reason", "She listens"}, {"nominated_on", "2026-11-21"}})
                  .error->code,
              "forbidden")
        << "nominating a culture champion stays with managers, mentors and HR";
}

TEST(RecognitionRules, TheWallIsEveryonesNominationsAreHrsSpotlightsAreHrsToWrite) {
    Org o;
    const std::string value = o.id(), praise = o.id(), nomination = o.id(), spotlight = o.id();
    EXPECT_EQ(o.push(o.maya, "value_tag", value, {{"name", "Says it early"}}).error->code, "forbidden");
    ASSERT_EQ(o.push(o.hana, "value_tag", value, {{"name", "Says it early"}}).status, "accepted");
    EXPECT_EQ(o.readers(value), "dana maya noah rui ola hana elena");

    Json recognition{{"from_id", o.maya}, {"about_id", o.ola}, {"about_name", "Ola"}, {"value_tag_id", value},
                     {"given_on", "2026-11-20"}, {"behaviour", "Stayed late to fix the release"}};
    Json misnamed = recognition;
    misnamed["about_name"] = "Someone Else";
    EXPECT_EQ(o.push(o.maya, "recognition", o.id(), misnamed).error->code, "invalid_change");
    EXPECT_EQ(o.push(o.maya, "recognition", o.id(), [&] {
                  Json r = recognition;
                  r["from_id"] = o.rui;
                  return r;
              }()).error->code,
              "forbidden")
        << "written in someone else's name";
    ASSERT_EQ(o.push(o.maya, "recognition", praise, recognition).status, "accepted")
        << "anyone in the organisation can be recognised";
    EXPECT_EQ(o.readers(praise), "dana maya noah rui ola hana elena");
    EXPECT_EQ(o.push(o.noah, "recognition", praise, {{"behaviour", "edited"}}).error->code, "forbidden");

    ASSERT_EQ(o.push(o.noah, "nomination", nomination,
                     {{"from_id", o.noah}, {"about_id", o.maya}, {"about_name", "Maya"}, {"value_tag_id", value},
                      {"reason", "Raised the budget risk in week one"}, {"nominated_on", "2026-11-21"}})
                  .status,
              "accepted");
    EXPECT_EQ(o.readers(nomination), "noah hana") << "not even the nominee until HR spotlights them";

    const Json light{{"about_id", o.maya}, {"about_name", "Maya"}, {"value_tag_id", value},
                     {"message", "Maya says it early"}, {"nomination_id", nomination}, {"since", "2026-11-22"}};
    EXPECT_EQ(o.push(o.noah, "spotlight", spotlight, light).error->code, "forbidden");
    ASSERT_EQ(o.push(o.hana, "spotlight", spotlight, light).status, "accepted");
    EXPECT_EQ(o.readers(spotlight), "dana maya noah rui ola hana elena");
}

TEST(RecognitionRules, ColleagueCardsFollowPersonRecordsAndNameNoEmployee) {
    Org o;
    std::vector<std::string> names;
    for (const auto& card : o.store.records_of("colleague")) names.push_back(card.state.text("name"));
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names, (std::vector<std::string>{"Dana", "Elena", "Hana", "Maya", "Noah"}));
    Change promoted;
    promoted.id = "promote-rui";
    promoted.entity = "person";
    promoted.record_id = o.rui;
    promoted.hlc = Hlc{o.now + 5000, 0}.to_string();
    promoted.device_id = "server";
    promoted.fields = {{"role", "manager"}};
    Change stepped_down = promoted;
    stepped_down.id = "noah-steps-down";
    stepped_down.record_id = o.noah;
    stepped_down.fields = {{"role", "employee"}};
    o.service.write_as_server({promoted, stepped_down});
    o.org.set_person(o.rui, o.maya, Role::Manager);
    std::vector<std::string> now_named;
    for (const auto& card : o.store.records_of("colleague"))
        if (!card.state.deleted) now_named.push_back(card.state.text("name"));
    std::sort(now_named.begin(), now_named.end());
    EXPECT_EQ(now_named, (std::vector<std::string>{"Dana", "Elena", "Hana", "Maya", "Rui"}))
        << "Rui became a manager and gets a card; Noah's goes when he no longer manages";
    int cards = 0;
    for (const auto& record : o.store.records_about(o.rui))
        if (record.state.entity == "colleague") {
            ++cards;
            EXPECT_TRUE(o.sees(o.ola, record.state.record_id)) << "every card is everyone's";
        }
    EXPECT_EQ(cards, 1);
}

TEST(RecognitionRules, ATeamWallShowsRecognitionsAboutItsMembers) {
    FeedbackWorld world;
    world.recognitions = {{"r2", "m", "a", "A", "", "2026-11-02", {}}, {"r1", "m", "b", "B", "", "2026-11-01", {}}};
    auto wall = wall_of(world, {"b", "c"});
    ASSERT_EQ(wall.size(), 1u);
    EXPECT_EQ(wall[0].recognition_id, "r1");
}

}  // namespace
}  // namespace tandem
