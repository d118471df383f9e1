// Survey scoring and anonymity (docs/api.md, Survey results and Survey scoring): indices on their edge cases,
// answers checked before they count, thresholds per question, and no differencing in any family of groups,
// shown by a property test over random organisations and answer sets.
#include <gtest/gtest.h>

#include <random>
#include <regex>

#include "support/temp_dir.h"
#include "tandem/base/ids.h"
#include "tandem/surveys/kiosk.h"
#include "tandem/surveys/survey_results.h"
#include "tandem/surveys/survey_views.h"

namespace tandem::survey {
namespace {

Question make_question(const std::string& id, Kind kind, const std::string& theme = "", bool reverse = false) {
    Question q;
    q.id = id;
    q.kind = kind;
    q.theme = theme;
    q.reverse_scored = reverse;
    if (kind == Kind::Choice) q.choices = {"Remote", "Office", "Both"};
    return q;
}

struct Counted {
    std::vector<Question> questions;
    TallyLayout layout;
    Tally tally;
    void add(std::vector<Answer> answers) { add_respondent(questions, answers, layout, tally); }
    std::optional<double> index(Index which) const { return score(which, questions, layout, tally); }
};

TEST(SurveyScoring, EnpsOnItsEdges) {
    Counted c{{make_question("nps", Kind::Scale0to10, "enps")}};
    EXPECT_FALSE(c.index(Index::Enps)) << "no answers: no score, not zero";
    c.add({{"nps", "8"}});
    EXPECT_DOUBLE_EQ(*c.index(Index::Enps), 0.0) << "one passive";
    Counted promoters{{make_question("nps", Kind::Scale0to10, "enps")}};
    for (const char* v : {"9", "10", "10"}) promoters.add({{"nps", v}});
    EXPECT_DOUBLE_EQ(*promoters.index(Index::Enps), 100.0);
    Counted detractors{{make_question("nps", Kind::Scale0to10, "enps")}};
    for (const char* v : {"0", "6", "3"}) detractors.add({{"nps", v}});
    EXPECT_DOUBLE_EQ(*detractors.index(Index::Enps), -100.0);
    Counted mixed{{make_question("nps", Kind::Scale0to10, "enps")}};
    for (const char* v : {"10", "9", "7", "6"}) mixed.add({{"nps", v}});
    EXPECT_DOUBLE_EQ(*mixed.index(Index::Enps), 25.0);  // 50 % promoters - 25 % detractors
    EXPECT_FALSE(mixed.index(Index::Engagement));
}

TEST(SurveyScoring, ReverseScoredStatementsCountBackwards) {
    Counted c{{make_question("safe", Kind::Agree7, "psych_safety"),
               make_question("blamed", Kind::Agree7, "psych_safety", true)}};
    c.add({{"safe", "7"}, {"blamed", "1"}});  // fully safe on both
    EXPECT_DOUBLE_EQ(*c.index(Index::PsychSafety), 7.0);
    c.add({{"blamed", "7"}});  // held against: scores 1
    EXPECT_DOUBLE_EQ(*c.index(Index::PsychSafety), 5.0);
    // The question itself reports what people answered, unreversed.
    EXPECT_DOUBLE_EQ(*question_mean(c.questions[1], c.layout, c.tally), 4.0);
}

TEST(SurveyScoring, EngagementMapsOneToZeroAndFiveToHundred) {
    Counted c{{make_question("a", Kind::Likert5, "engagement"), make_question("b", Kind::Likert5, "engagement"),
               make_question("other", Kind::Likert5, "workload")}};
    c.add({{"a", "1"}, {"other", "5"}});
    EXPECT_DOUBLE_EQ(*c.index(Index::Engagement), 0.0);
    c.add({{"a", "5"}, {"b", "5"}});
    EXPECT_NEAR(*c.index(Index::Engagement), 200.0 / 3.0, 1e-9);  // pooled answers 1, 5, 5
}

TEST(SurveyScoring, AnswersAreCheckedBeforeAnyCounts) {
    std::vector<Question> qs{make_question("l", Kind::Likert5), make_question("s", Kind::Scale0to10),
                             make_question("c", Kind::Choice), make_question("t", Kind::Text)};
    auto body = [](Json answers) { return Json{{"answers", answers}}; };
    auto ok = check_answers(qs, body(Json::array({{{"question_id", "t"}, {"value", "Fine"}},
                                                  {{"question_id", "l"}, {"value", 5}},
                                                  {{"question_id", "c"}, {"value", "Both"}},
                                                  {{"question_id", "s"}, {"value", nullptr}}})));
    ASSERT_EQ(ok.problem, "");
    ASSERT_EQ(ok.answers.size(), 3u) << "a null value is a skipped question";
    EXPECT_EQ(ok.answers[0].question_id, "l") << "answers come back in question order";
    EXPECT_EQ(ok.answers[2].value, "Fine");

    for (Json bad : {Json::array({{{"question_id", "l"}, {"value", 6}}}),
                     Json::array({{{"question_id", "l"}, {"value", 0}}}),
                     Json::array({{{"question_id", "l"}, {"value", "3"}}}),
                     Json::array({{{"question_id", "l"}, {"value", 2.5}}}),
                     Json::array({{{"question_id", "s"}, {"value", 11}}}),
                     Json::array({{{"question_id", "c"}, {"value", "both"}}}),
                     Json::array({{{"question_id", "t"}, {"value", std::string(5001, 'x')}}}),
                     Json::array({{{"question_id", "t"}, {"value", "\xff\xfe"}}}),
                     Json::array({{{"question_id", "nope"}, {"value", 1}}}),
                     Json::array({{{"question_id", "l"}, {"value", 1}}, {{"question_id", "l"}, {"value", 2}}}),
                     Json::array({Json("l")})})
        EXPECT_NE(check_answers(qs, body(bad)).problem, "") << bad.dump();
    EXPECT_NE(check_answers(qs, Json::array()).problem, "");
    EXPECT_EQ(check_answers(qs, body(Json::array({{{"question_id", "t"}, {"value", " \n"}}}))).answers.size(), 0u)
        << "an empty comment box is a skip";
}

TEST(SurveyScoring, TalliesSurviveStorageAndALayoutThatGrewLater) {
    Counted c{{make_question("l", Kind::Likert5)}};
    c.add({{"l", "4"}});
    const std::string stored = c.tally.encode(), layout = c.layout.encode();
    c.questions.push_back(make_question("new", Kind::Likert5));
    Tally read = Tally::decode(stored);
    TallyLayout read_layout = TallyLayout::decode(layout);
    add_respondent(c.questions, {{"new", "2"}}, read_layout, read);
    EXPECT_EQ(read.at(read_layout.find(TallyLayout::respondents())), 2);
    EXPECT_EQ(read.at(read_layout.find(TallyLayout::value("l", "4"))), 1);
    EXPECT_EQ(read.at(read_layout.find(TallyLayout::value("new", "2"))), 1);
}

// An organisation: CEO leads managers A and B; A leads manager C; each has a direct team.
struct Org {
    std::string ceo = new_uuid_v7(1), a = new_uuid_v7(2), b = new_uuid_v7(3), c = new_uuid_v7(4);
    OrgChart chart;
    std::vector<Question> questions{make_question("q1", Kind::Likert5, "engagement"),
                                    make_question("q2", Kind::Likert5), make_question("t", Kind::Text)};
    TallyLayout layout;
    GroupTallies tallies;
    Org() {
        chart.set_person(ceo, "", Role::Manager);
        for (auto [m, boss] : {std::pair{a, ceo}, {b, ceo}, {c, a}}) chart.set_person(m, boss, Role::Manager);
        for (const auto& m : {ceo, a, b, c})
            for (int i = 0; i < 3; ++i) chart.set_person(new_uuid_v7(7), m, Role::Employee);
    }
    // n respondents of `manager`'s team, each answering q1 (and q2 when `both`).
    void answer(const std::string& manager, int n, bool both = true) {
        for (int i = 0; i < n; ++i) {
            std::vector<Answer> answers{{"q1", "4"}};
            if (both) answers.push_back({"q2", "2"});
            add_respondent(questions, answers, layout, tallies[team_group(manager)]);
            add_respondent(questions, answers, layout, tallies["org"]);
        }
    }
    Json results(const std::string& root, const std::string& group, Rules rules = {}) {
        GroupForest forest(chart, tallies, root);
        auto visibility = decide_visibility(forest, questions, layout, rules);
        auto node = forest.find(group);
        EXPECT_TRUE(node) << group;
        return group_results(forest, node.value_or(0), visibility, questions, layout, rules,
                             [](const std::string&) { return std::vector<std::string>{"comment"}; });
    }
};

TEST(SurveyResults, EachQuestionHasItsOwnThreshold) {
    Org org;
    org.answer(org.b, 4, true);
    org.answer(org.b, 2, false);  // 6 respondents; q2 answered by 4; t by nobody
    Json r = org.results("org", team_group(org.b));
    EXPECT_EQ(r["status"], "ok");
    EXPECT_EQ(r["respondents"], 6);
    EXPECT_EQ(r["questions"][0]["status"], "ok");
    EXPECT_EQ(r["questions"][0]["n"], 6);
    EXPECT_DOUBLE_EQ(r["questions"][0]["mean"].get<double>(), 4.0);
    EXPECT_EQ(r["questions"][0]["distribution"]["4"], 6);
    EXPECT_EQ(r["questions"][1]["status"], "below_threshold");
    EXPECT_TRUE(r["questions"][1]["n"].is_null());
    EXPECT_TRUE(r["questions"][1]["distribution"].is_null());
    EXPECT_EQ(r["questions"][2]["status"], "no_data") << "nobody in a shown group answered it";
    EXPECT_DOUBLE_EQ(r["indices"]["engagement"].get<double>(), 75.0);

    Json small = org.results("org", team_group(org.c));
    EXPECT_EQ(small["status"], "no_data");
    org.answer(org.c, 4);
    small = org.results("org", team_group(org.c));
    EXPECT_EQ(small["status"], "below_threshold");
    EXPECT_TRUE(small["respondents"].is_null());
    for (const auto& q : small["questions"]) EXPECT_EQ(q["status"], "below_threshold");
    EXPECT_TRUE(small["indices"]["engagement"].is_null());
}

TEST(SurveyResults, TheSmallestChildIsHiddenSoNoParentLeavesAFewAnswers) {
    Org org;  // tree:A = team:A 5 + tree:C (team:C 5) + ... ; org also holds team:CEO 2 and team:B 6
    org.answer(org.a, 5);
    org.answer(org.c, 5);
    org.answer(org.b, 6);
    org.answer(org.ceo, 2);
    // In tree:CEO's family: team:CEO 2 (below), tree:A 10, tree:B 6 → remainder 2: tree:B (smaller) goes.
    EXPECT_EQ(org.results("org", tree_group(org.b))["status"], "below_threshold");
    EXPECT_EQ(org.results("org", team_group(org.b))["status"], "below_threshold") << "tree:B's twin";
    EXPECT_EQ(org.results("org", tree_group(org.a))["status"], "ok");
    EXPECT_EQ(org.results("org", tree_group(org.ceo))["respondents"], 18);
    // B reads their own tree: no parent above it in B's view, so nothing to difference against.
    EXPECT_EQ(org.results(tree_group(org.b), team_group(org.b))["status"], "ok");
}

TEST(SurveyResults, CommentsNeedTheirOwnThreshold) {
    Org org;
    for (int i = 0; i < 6; ++i)
        add_respondent(org.questions, {{"q1", "3"}, {"t", "More time to focus"}}, org.layout,
                       org.tallies[team_group(org.b)]);
    Rules rules;
    rules.min_comment_group_size = 7;
    Json r = org.results(tree_group(org.b), team_group(org.b), rules);
    EXPECT_EQ(r["questions"][2]["status"], "ok");
    EXPECT_TRUE(r["questions"][2]["comments"].is_null());
    rules.min_comment_group_size = 6;
    r = org.results(tree_group(org.b), team_group(org.b), rules);
    EXPECT_EQ(r["questions"][2]["comments"], Json::array({"comment"}));
}

TEST(SurveyResults, ReadersReachOnlyTheirGroups) {
    Org org;
    auto facilitates = [](const std::string& id) { return id == "s1"; };
    auto root = [&](Actor actor, const std::string& group) { return reading_root(actor, group, org.chart, facilitates); };
    Actor hr{new_uuid_v7(7), Role::HrAdmin}, a{org.a, Role::Manager}, b{org.b, Role::Manager};
    EXPECT_EQ(root(hr, "org"), "org");
    EXPECT_EQ(root(hr, team_group(org.c)), "org");
    EXPECT_EQ(root(hr, "session:s9"), "session:s9");
    EXPECT_EQ(root(a, tree_group(org.c)), tree_group(org.a));
    EXPECT_EQ(root(a, team_group(org.a)), tree_group(org.a));
    EXPECT_FALSE(root(a, tree_group(org.ceo))) << "not above";
    EXPECT_FALSE(root(a, team_group(org.b))) << "not a peer";
    EXPECT_FALSE(root(a, "org"));
    EXPECT_EQ(root(a, "session:s1"), "session:s1") << "the session they facilitate";
    EXPECT_FALSE(root(b, "session:s2"));
    EXPECT_FALSE(root(Actor{org.c, Role::Mentor}, team_group(org.c)));
    EXPECT_FALSE(root(Actor{org.c, Role::Employee}, team_group(org.c)));
    EXPECT_FALSE(root(hr, "team:"));
    EXPECT_FALSE(root(hr, "everyone"));
}

// For random organisations, answer sets and N: every shown figure has at least N answers behind it, a
// twin is shown exactly when its tree is, and no shown parent minus its shown children leaves 1..N-1.
TEST(SurveyResults, PropertyNoFamilyCanBeDifferenced) {
    std::mt19937 random(20261127);
    for (int round = 0; round < 300; ++round) {
        OrgChart chart;
        std::vector<std::string> managers;
        const int manager_count = 1 + int(random() % 12);
        for (int i = 0; i < manager_count; ++i) {
            std::string id = new_uuid_v7(uint64_t(i + 1));
            std::string boss = i == 0 || random() % 5 == 0 ? std::string() : managers[random() % managers.size()];
            chart.set_person(id, boss, Role::Manager);
            managers.push_back(id);
        }
        for (const auto& m : managers) chart.set_person(new_uuid_v7(7), m, Role::Employee);
        std::vector<Question> questions{make_question("q1", Kind::Likert5, "engagement"),
                                        make_question("q2", Kind::Agree7, "psych_safety")};
        TallyLayout layout;
        GroupTallies tallies;
        for (const auto& m : managers) {
            const int n = int(random() % 12);
            for (int i = 0; i < n; ++i) {
                std::vector<Answer> answers{{"q1", std::to_string(1 + random() % 5)}};
                if (random() % 3) answers.push_back({"q2", std::to_string(1 + random() % 7)});
                add_respondent(questions, answers, layout, tallies[team_group(m)]);
                add_respondent(questions, answers, layout, tallies["org"]);
            }
        }
        for (int extra = int(random() % 4); extra > 0; --extra)  // kiosk answers with no team
            add_respondent(questions, {{"q1", "3"}}, layout, tallies["org"]);
        Rules rules;
        rules.min_group_size = 3 + int(random() % 5);
        const std::string root = random() % 2 ? "org" : tree_group(managers[random() % managers.size()]);
        GroupForest forest(chart, tallies, root);
        auto visibility = decide_visibility(forest, questions, layout, rules);
        const auto& nodes = forest.nodes();
        std::vector<std::optional<size_t>> slots{layout.find(TallyLayout::respondents()),
                                                 layout.find(TallyLayout::answered("q1")),
                                                 layout.find(TallyLayout::answered("q2"))};
        for (size_t p = 0; p < nodes.size(); ++p)
            for (size_t m = 0; m < slots.size(); ++m) {
                const int64_t parent = nodes[p].tally.at(slots[m]);
                if (visibility.shown[p][m]) ASSERT_GE(parent, rules.min_group_size);
                int64_t remainder = parent;
                for (size_t child : nodes[p].children) {
                    if (nodes[child].twin_of_parent)
                        ASSERT_EQ(visibility.shown[child][m], visibility.shown[p][m]) << "twins go together";
                    if (visibility.shown[child][m]) remainder -= nodes[child].tally.at(slots[m]);
                }
                if (!visibility.shown[p][m]) continue;
                ASSERT_FALSE(remainder >= 1 && remainder < rules.min_group_size)
                    << "round " << round << " group " << nodes[p].id << " measure " << m << " leaves " << remainder;
            }
    }
}

} // namespace
} // namespace tandem::survey

namespace tandem {
namespace {

// The kiosk's own store: answers queue under their submission ids until acknowledged, and the exit PIN
// locks for a minute after five wrong tries.
TEST(Kiosk, AnswersWaitUntilAcknowledgedAndThePinLocksAfterFiveWrongTries) {
    testing::TempDir dir;
    Store store(dir.file("kiosk.db"));
    KioskDevice kiosk(store);
    EXPECT_FALSE(kiosk.config());
    kiosk.configure(KioskConfig{"k1", "token", "Room 2", "s1"}, "4821");
    ASSERT_TRUE(kiosk.config());
    EXPECT_EQ(kiosk.config()->label, "Room 2");
    EXPECT_EQ(store.setting("kiosk/pin")->find("4821"), std::string::npos) << "never stored as typed";

    const std::string first = new_submission_id(), second = new_submission_id();
    EXPECT_TRUE(std::regex_match(first, std::regex("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")));
    EXPECT_NE(first, second);
    kiosk.enqueue(Json::array({{{"question_id", "q"}, {"value", 4}}}), first);
    kiosk.enqueue(Json::array(), second);
    EXPECT_EQ(kiosk.pending_count(), 2u);
    auto waiting = kiosk.pending();
    ASSERT_EQ(waiting.size(), 2u);
    EXPECT_EQ(Json::parse(waiting[0].body)["submission_id"], waiting[0].submission_id);
    kiosk.acknowledge(first);
    EXPECT_EQ(kiosk.pending_count(), 1u);
    EXPECT_EQ(kiosk.pending()[0].submission_id, second);

    uint64_t now = 1'000'000;
    EXPECT_EQ(kiosk.check_pin("4821", now), KioskDevice::PinCheck::Right);
    for (int i = 0; i < 4; ++i) EXPECT_EQ(kiosk.check_pin("0000", now), KioskDevice::PinCheck::Wrong);
    EXPECT_EQ(kiosk.tries_left(), 1);
    EXPECT_EQ(kiosk.check_pin("0000", now), KioskDevice::PinCheck::Locked);
    EXPECT_EQ(kiosk.check_pin("4821", now + 59'000), KioskDevice::PinCheck::Locked) << "even the right PIN";
    EXPECT_EQ(kiosk.check_pin("4821", now + 60'000), KioskDevice::PinCheck::Right);
    EXPECT_TRUE(is_valid_kiosk_pin("1234"));
    EXPECT_FALSE(is_valid_kiosk_pin("123"));
    EXPECT_FALSE(is_valid_kiosk_pin("12a4"));
    kiosk.forget();
    EXPECT_FALSE(kiosk.config());
}

} // namespace
} // namespace tandem

namespace tandem {
namespace {

// A repeating pulse: the next round asks the same questions N weeks on, in the same series; the phase
// follows status and schedule.
TEST(SurveyRounds, TheNextRoundRepeatsTheQuestionsInTheSameSeries) {
    SurveyView pulse;
    pulse.survey_id = "s1";
    pulse.title = "Pulse";
    pulse.audience = "org";
    pulse.status = "open";
    pulse.opens_on = "2026-11-02";
    pulse.closes_on = "2026-11-15";
    pulse.repeat_weeks = 4;
    survey::Question choice;
    choice.id = "q1";
    choice.kind = survey::Kind::Choice;
    choice.choices = {"Yes", "No"};
    choice.text = "Clear goals?";
    pulse.questions = {choice};
    auto next = next_round(pulse);
    ASSERT_TRUE(next);
    EXPECT_EQ(next->survey_fields["opens_on"], "2026-11-30");
    EXPECT_EQ(next->survey_fields["closes_on"], "2026-12-13");
    EXPECT_EQ(next->survey_fields["series_id"], "s1");
    EXPECT_EQ(next->survey_fields["round"], 2);
    ASSERT_EQ(next->question_fields.size(), 1u);
    EXPECT_EQ(next->question_fields[0]["choices"], "Yes\nNo");
    pulse.repeat_weeks = 0;
    EXPECT_FALSE(next_round(pulse)) << "a survey that does not repeat";

    EXPECT_EQ(pulse.phase("2026-11-01"), "scheduled");
    EXPECT_EQ(pulse.phase("2026-11-15"), "open");
    EXPECT_EQ(pulse.phase("2026-11-16"), "closed") << "past its closing day";
    pulse.status = "draft";
    EXPECT_EQ(pulse.phase("2026-11-10"), "draft");
}

} // namespace
} // namespace tandem
