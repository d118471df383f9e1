// Answer bodies as anyone on the internet may send them: whatever the bytes, check_answers either refuses
// them or returns answers that count cleanly. Accepted answers must survive a tally's storage round trip,
// never count a question more often than respondents, and give results that stay inside their ranges.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "tandem/surveys/survey_results.h"

using namespace tandem;
using namespace tandem::survey;

namespace {
std::vector<Question> questions() {
    std::vector<Question> list;
    const Kind kinds[] = {Kind::Likert5, Kind::Agree7, Kind::Scale0to10, Kind::Choice, Kind::Text};
    const char* themes[] = {"engagement", "psych_safety", "enps", "", ""};
    for (int i = 0; i < 5; ++i) {
        Question q;
        q.id = "q" + std::to_string(i);
        q.kind = kinds[i];
        q.theme = themes[i];
        q.reverse_scored = i == 1;
        if (q.kind == Kind::Choice) q.choices = split_choices("Yes\nNo\n  Maybe \n");
        list.push_back(q);
    }
    return list;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::vector<Question> qs = questions();
    const std::string text(reinterpret_cast<const char*>(data), size);
    // Stored bytes read back must never crash either, whatever they hold.
    (void)Tally::decode(text);
    (void)TallyLayout::decode(text);

    Json body = Json::parse(text, nullptr, false);
    if (body.is_discarded()) return 0;
    CheckedAnswers checked = check_answers(qs, body);
    if (!checked.problem.empty()) {
        if (!checked.answers.empty()) std::abort();  // refused means nothing to count
        return 0;
    }
    TallyLayout layout;
    GroupTallies tallies;
    for (int i = 0; i < 3; ++i) add_respondent(qs, checked.answers, layout, tallies["session:s"]);
    const Tally& tally = tallies["session:s"];
    Tally again = Tally::decode(tally.encode());
    if (again.counts != tally.counts) std::abort();
    const int64_t respondents = tally.at(layout.find(TallyLayout::respondents()));
    for (const auto& q : qs)
        if (tally.at(layout.find(TallyLayout::answered(q.id))) > respondents) std::abort();
    if (auto enps = score(Index::Enps, qs, layout, tally); enps && (*enps < -100 || *enps > 100)) std::abort();
    if (auto eng = score(Index::Engagement, qs, layout, tally); eng && (*eng < 0 || *eng > 100)) std::abort();
    if (auto ps = score(Index::PsychSafety, qs, layout, tally); ps && (*ps < 1 || *ps > 7)) std::abort();
    OrgChart org;
    GroupForest forest(org, tallies, "session:s");
    Rules rules;
    rules.min_group_size = 3;
    auto visibility = decide_visibility(forest, qs, layout, rules);
    Json result = group_results(forest, 0, visibility, qs, layout, rules, [](const std::string&) {
        return std::vector<std::string>{};
    });
    if (result["status"] == "ok" && result["respondents"] != 3) std::abort();
    return 0;
}
