#include "tandem/surveys/survey_scoring.h"

#include <algorithm>
#include <set>

#include "tandem/sync/entity.h"

namespace tandem::survey {

namespace {
constexpr size_t kMaxTextAnswer = 5000;

struct Range {
    long low, high;
};
Range range_of(Kind kind) {
    switch (kind) {
    case Kind::Likert5: return {1, 5};
    case Kind::Agree7: return {1, 7};
    case Kind::Scale0to10: return {0, 10};
    default: return {0, -1};
    }
}
}  // namespace

const char* to_string(Kind kind) {
    switch (kind) {
    case Kind::Likert5: return "likert5";
    case Kind::Agree7: return "agree7";
    case Kind::Scale0to10: return "scale0_10";
    case Kind::Choice: return "choice";
    case Kind::Text: return "text";
    }
    return "text";
}

bool parse_kind(std::string_view text, Kind& out) {
    for (Kind kind : {Kind::Likert5, Kind::Agree7, Kind::Scale0to10, Kind::Choice, Kind::Text})
        if (text == to_string(kind)) {
            out = kind;
            return true;
        }
    return false;
}

const char* to_string(Index index) {
    switch (index) {
    case Index::Enps: return "enps";
    case Index::Engagement: return "engagement";
    case Index::PsychSafety: return "psych_safety";
    }
    return "";
}

bool is_item_of(const Question& question, Index index) {
    switch (index) {
    case Index::Enps: return question.kind == Kind::Scale0to10 && question.theme == "enps";
    case Index::Engagement: return question.kind == Kind::Likert5 && question.theme == "engagement";
    case Index::PsychSafety: return question.kind == Kind::Agree7 && question.theme == "psych_safety";
    }
    return false;
}

std::vector<std::string> split_choices(const std::string& lines) {
    std::vector<std::string> choices;
    size_t start = 0;
    while (start <= lines.size()) {
        size_t end = lines.find('\n', start);
        if (end == std::string::npos) end = lines.size();
        std::string choice = lines.substr(start, end - start);
        while (!choice.empty() && (choice.back() == '\r' || choice.back() == ' ')) choice.pop_back();
        while (!choice.empty() && choice.front() == ' ') choice.erase(choice.begin());
        if (!choice.empty() && std::find(choices.begin(), choices.end(), choice) == choices.end())
            choices.push_back(choice);
        start = end + 1;
    }
    return choices;
}

std::optional<Question> question_from_fields(const std::string& id, const Json& fields) {
    Question question;
    question.id = id;
    auto text = [&](const char* name) {
        auto it = fields.find(name);
        return it != fields.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    if (!parse_kind(text("kind"), question.kind)) return std::nullopt;
    question.text = text("text");
    question.theme = text("theme");
    if (question.kind == Kind::Choice) question.choices = split_choices(text("choices"));
    if (auto it = fields.find("reverse_scored"); it != fields.end() && it->is_boolean())
        question.reverse_scored = it->get<bool>();
    if (auto it = fields.find("position"); it != fields.end() && it->is_number_integer())
        question.position = it->get<long>();
    return question;
}

std::vector<std::string> value_keys(const Question& question) {
    if (question.kind == Kind::Choice) return question.choices;
    std::vector<std::string> keys;
    Range range = range_of(question.kind);
    for (long v = range.low; v <= range.high; ++v) keys.push_back(std::to_string(v));
    return keys;
}

namespace {
// The value as a distribution key, or an empty string with `why` set.
std::string checked_value(const Question& question, const Json& value, std::string& why) {
    switch (question.kind) {
    case Kind::Likert5:
    case Kind::Agree7:
    case Kind::Scale0to10: {
        Range range = range_of(question.kind);
        if (!value.is_number_integer() || value.get<long long>() < range.low || value.get<long long>() > range.high) {
            why = "question \"" + question.id + "\" takes a whole number from " + std::to_string(range.low) + " to " +
                  std::to_string(range.high);
            return {};
        }
        return std::to_string(value.get<long long>());
    }
    case Kind::Choice: {
        if (value.is_string() &&
            std::find(question.choices.begin(), question.choices.end(), value.get<std::string>()) !=
                question.choices.end())
            return value.get<std::string>();
        why = "question \"" + question.id + "\" takes one of its choices, as written";
        return {};
    }
    case Kind::Text: {
        if (!value.is_string() || value.get_ref<const std::string&>().size() > kMaxTextAnswer ||
            !is_valid_utf8(value.get<std::string>())) {
            why = "question \"" + question.id + "\" takes text of at most 5000 bytes of UTF-8";
            return {};
        }
        return value.get<std::string>();
    }
    }
    return {};
}

bool blank(const std::string& text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; });
}
}  // namespace

CheckedAnswers check_answers(const std::vector<Question>& questions, const Json& body) {
    CheckedAnswers out;
    auto list = body.is_object() ? body.find("answers") : body.end();
    if (!body.is_object() || list == body.end() || !list->is_array()) {
        out.problem = "the body must be {\"answers\": [{\"question_id\", \"value\"}, ...]}";
        return out;
    }
    std::set<std::string> seen;
    std::vector<std::pair<size_t, Answer>> ordered;
    for (const Json& item : *list) {
        auto id = item.is_object() ? item.find("question_id") : item.end();
        if (!item.is_object() || id == item.end() || !id->is_string()) {
            out.problem = "each answer needs a \"question_id\"";
            return out;
        }
        const std::string& question_id = id->get_ref<const std::string&>();
        auto question = std::find_if(questions.begin(), questions.end(),
                                     [&](const Question& q) { return q.id == question_id; });
        if (question == questions.end()) {
            out.problem = "this survey has no question \"" + question_id.substr(0, 64) + "\"";
            return out;
        }
        if (!seen.insert(question_id).second) {
            out.problem = "question \"" + question_id + "\" is answered twice";
            return out;
        }
        auto value = item.find("value");
        if (value == item.end() || value->is_null()) continue;  // skipped
        std::string why;
        std::string key = checked_value(*question, *value, why);
        if (!why.empty()) {
            out.problem = why;
            return out;
        }
        if (question->kind == Kind::Text && blank(key)) continue;  // an empty comment box is a skip
        ordered.push_back({size_t(question - questions.begin()), Answer{question_id, key}});
    }
    std::sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [position, answer] : ordered) out.answers.push_back(std::move(answer));
    return out;
}

TallyLayout::TallyLayout() { slot(respondents()); }

size_t TallyLayout::slot(const std::string& key) {
    auto [it, added] = slots_.try_emplace(key, keys_.size());
    if (added) keys_.push_back(key);
    return it->second;
}

std::optional<size_t> TallyLayout::find(const std::string& key) const {
    auto it = slots_.find(key);
    if (it == slots_.end()) return std::nullopt;
    return it->second;
}

std::string TallyLayout::encode() const {
    std::string text;
    for (const auto& key : keys_) text += key + "\n";
    return text;
}

TallyLayout TallyLayout::decode(std::string_view text) {
    TallyLayout layout;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        layout.slot(std::string(text.substr(start, end - start)));
        start = end + 1;
    }
    return layout;
}

void Tally::add(const Tally& other) {
    if (counts.size() < other.counts.size()) counts.resize(other.counts.size(), 0);
    for (size_t i = 0; i < other.counts.size(); ++i) counts[i] += other.counts[i];
}

// Little-endian 32-bit counters: a team never holds four billion answers, and fixed width decodes by copy.
std::string Tally::encode() const {
    std::string bytes(counts.size() * 4, '\0');
    for (size_t i = 0; i < counts.size(); ++i) {
        uint32_t v = uint32_t(counts[i]);
        for (int b = 0; b < 4; ++b) bytes[i * 4 + b] = char((v >> (8 * b)) & 0xff);
    }
    return bytes;
}

Tally Tally::decode(std::string_view bytes) {
    Tally tally;
    tally.counts.resize(bytes.size() / 4);
    for (size_t i = 0; i < tally.counts.size(); ++i) {
        uint32_t v = 0;
        for (int b = 0; b < 4; ++b) v |= uint32_t(uint8_t(bytes[i * 4 + b])) << (8 * b);
        tally.counts[i] = v;
    }
    return tally;
}

void add_respondent(const std::vector<Question>& questions, const std::vector<Answer>& answers, TallyLayout& layout,
                    Tally& tally) {
    auto bump = [&](const std::string& key) {
        size_t slot = layout.slot(key);
        if (tally.counts.size() <= slot) tally.counts.resize(slot + 1, 0);
        ++tally.counts[slot];
    };
    bump(TallyLayout::respondents());
    bool answered_index[std::size(kIndices)] = {};
    for (const Answer& answer : answers) {
        auto question = std::find_if(questions.begin(), questions.end(),
                                     [&](const Question& q) { return q.id == answer.question_id; });
        if (question == questions.end()) continue;
        bump(TallyLayout::answered(question->id));
        if (question->kind != Kind::Text) bump(TallyLayout::value(question->id, answer.value));
        for (size_t i = 0; i < std::size(kIndices); ++i)
            if (is_item_of(*question, kIndices[i])) answered_index[i] = true;
    }
    for (size_t i = 0; i < std::size(kIndices); ++i)
        if (answered_index[i]) bump(TallyLayout::index(kIndices[i]));
}

namespace {
// Value v's count for a numeric question, with its weight (the score v stands for).
template <class Each>
void each_value(const Question& question, const TallyLayout& layout, const Tally& tally, Each&& each) {
    Range range = range_of(question.kind);
    for (long v = range.low; v <= range.high; ++v)
        each(v, tally.at(layout.find(TallyLayout::value(question.id, std::to_string(v)))));
}
}  // namespace

std::optional<double> question_mean(const Question& question, const TallyLayout& layout, const Tally& tally) {
    if (question.kind == Kind::Choice || question.kind == Kind::Text) return std::nullopt;
    double sum = 0;
    int64_t n = 0;
    each_value(question, layout, tally, [&](long v, int64_t count) {
        sum += double(v) * double(count);
        n += count;
    });
    if (n == 0) return std::nullopt;
    return sum / double(n);
}

std::optional<double> score(Index index, const std::vector<Question>& questions, const TallyLayout& layout,
                            const Tally& tally) {
    return IndexScorer(index, questions, layout)(tally);
}

IndexScorer::IndexScorer(Index index, const std::vector<Question>& questions, const TallyLayout& layout)
    : index_(index) {
    for (const Question& question : questions) {
        if (!is_item_of(question, index)) continue;
        Range range = range_of(question.kind);
        for (long v = range.low; v <= range.high; ++v)
            counted_.push_back({layout.find(TallyLayout::value(question.id, std::to_string(v))), v,
                                question.reverse_scored});
    }
}

std::optional<double> IndexScorer::operator()(const Tally& tally) const {
    double sum = 0;
    int64_t n = 0, promoters = 0, detractors = 0;
    for (const Counted& item : counted_) {
        const int64_t count = tally.at(item.slot);
        n += count;
        if (index_ == Index::Enps) {
            if (item.value >= 9) promoters += count;
            if (item.value <= 6) detractors += count;
        } else {
            const long scored = index_ == Index::PsychSafety && item.reverse_scored ? 8 - item.value : item.value;
            sum += double(scored) * double(count);
        }
    }
    if (n == 0) return std::nullopt;
    switch (index_) {
    case Index::Enps: return 100.0 * double(promoters - detractors) / double(n);
    case Index::Engagement: return (sum / double(n) - 1.0) * 25.0;
    case Index::PsychSafety: return sum / double(n);
    }
    return std::nullopt;
}

} // namespace tandem::survey
