#pragma once
// Survey answers as counts (docs/api.md, Survey scoring). An answer is checked against its question, then only
// added to its group's tally: results, thresholds and indices are all computed from tallies, so the server
// keeps one small row per group up to date on each answer instead of scanning millions of answers per request.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tandem/base/change.h"

namespace tandem::survey {

enum class Kind { Likert5, Agree7, Scale0to10, Choice, Text };
const char* to_string(Kind kind);
bool parse_kind(std::string_view text, Kind& out);

struct Question {
    std::string id;
    Kind kind = Kind::Likert5;
    std::string text;
    std::vector<std::string> choices;  // Choice only
    std::string theme;                 // engagement, psych_safety, enps, or HR's own
    bool reverse_scored = false;
    long position = 0;
};

// A survey_question record's fields as a Question; nullopt when they do not make one.
std::optional<Question> question_from_fields(const std::string& id, const Json& fields);
std::vector<std::string> split_choices(const std::string& lines);

// The values a distribution is keyed by, in order: "1".."5", "1".."7", "0".."10", or the choices. Empty for text.
std::vector<std::string> value_keys(const Question& question);

struct Answer {
    std::string question_id;
    std::string value;  // as keyed in distributions; text answers as written
};

// Checks one submitted body {"answers":[{"question_id","value"}]} against the questions. On success the
// answers in question order (skipped questions absent); otherwise why, for an `invalid_answer` reply.
struct CheckedAnswers {
    std::vector<Answer> answers;
    std::string problem;  // empty when valid
};
CheckedAnswers check_answers(const std::vector<Question>& questions, const Json& body);

enum class Index { Enps, Engagement, PsychSafety };
inline constexpr Index kIndices[] = {Index::Enps, Index::Engagement, Index::PsychSafety};
const char* to_string(Index index);
bool is_item_of(const Question& question, Index index);

// Which counter sits where in a tally. Keys are only ever appended (a question HR adds later, a new choice),
// so a stored tally written under an older, shorter layout still reads correctly.
class TallyLayout {
public:
    TallyLayout();
    size_t slot(const std::string& key);  // appends the key when it is new
    std::optional<size_t> find(const std::string& key) const;
    size_t size() const { return keys_.size(); }
    std::string encode() const;  // one key per line
    static TallyLayout decode(std::string_view text);

    static std::string respondents() { return "respondents"; }
    static std::string answered(const std::string& question_id) { return "answered/" + question_id; }
    static std::string value(const std::string& question_id, const std::string& value) {
        return "value/" + question_id + "/" + value;
    }
    static std::string index(Index which) { return std::string("index/") + to_string(which); }

private:
    std::vector<std::string> keys_;
    std::unordered_map<std::string, size_t> slots_;
};

// A group's counters, by the slots of a layout.
struct Tally {
    std::vector<int64_t> counts;
    int64_t at(std::optional<size_t> slot) const {
        return slot && *slot < counts.size() ? counts[*slot] : 0;
    }
    void add(const Tally& other);
    std::string encode() const;  // compact bytes for storage
    static Tally decode(std::string_view bytes);
};

// Adds one respondent's checked answers: the respondent, each question answered, each value, and each
// index the respondent answered an item of.
void add_respondent(const std::vector<Question>& questions, const std::vector<Answer>& answers, TallyLayout& layout,
                    Tally& tally);

// An index from a tally, pooled over every item of it (eNPS in -100..100, engagement 0..100, psychological
// safety 1..7 after reverse scoring); nullopt when no item was answered.
std::optional<double> score(Index index, const std::vector<Question>& questions, const TallyLayout& layout,
                            const Tally& tally);
// The same figure for many tallies of one survey (every group of a forest): the index's items and values are
// found in the layout once, so each tally is scored without building or looking up a key.
class IndexScorer {
public:
    IndexScorer(Index index, const std::vector<Question>& questions, const TallyLayout& layout);
    Index index() const { return index_; }
    std::optional<double> operator()(const Tally& tally) const;

private:
    struct Counted {  // one value of one item: where its count sits and what it scores
        std::optional<size_t> slot;
        long value = 0;
        bool reverse_scored = false;
    };
    Index index_;
    std::vector<Counted> counted_;  // in the order score() adds them, so the sums are the same to the bit
};
std::optional<double> question_mean(const Question& question, const TallyLayout& layout, const Tally& tally);

} // namespace tandem::survey
