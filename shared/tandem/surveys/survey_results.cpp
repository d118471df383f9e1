#include "tandem/surveys/survey_results.h"

#include <algorithm>
#include <unordered_set>

namespace tandem::survey {

namespace {
bool starts_with(const std::string& text, const char* prefix) { return text.rfind(prefix, 0) == 0; }
}  // namespace

std::optional<std::string> reading_root(const Actor& actor, const std::string& group, const OrgChart& org,
                                        const std::function<bool(const std::string&)>& facilitates) {
    if (actor.person_id.empty() || actor.role == Role::Employee) return std::nullopt;
    if (starts_with(group, "session:")) {
        const std::string session_id = group.substr(8);
        if (session_id.empty()) return std::nullopt;
        if (actor.role == Role::HrAdmin || (facilitates && facilitates(session_id))) return group;
        return std::nullopt;
    }
    if (group == "org") return actor.role == Role::HrAdmin ? std::optional<std::string>("org") : std::nullopt;
    const bool team = starts_with(group, "team:"), tree = starts_with(group, "tree:");
    if (!team && !tree) return std::nullopt;
    const std::string manager_id = group.substr(5);
    if (manager_id.empty()) return std::nullopt;
    if (actor.role == Role::HrAdmin) return std::string("org");
    if (actor.role == Role::Manager &&
        (manager_id == actor.person_id || org.manages(actor.person_id, manager_id)))
        return tree_group(actor.person_id);
    return std::nullopt;
}

GroupForest::GroupForest(const OrgChart& org, const GroupTallies& tallies, const std::string& root) {
    auto stored = [&](const std::string& group) {
        auto it = tallies.find(group);
        return it == tallies.end() ? Tally{} : it->second;
    };
    nodes_.push_back(Node{root, starts_with(root, "tree:") ? Tally{} : stored(root), {}, false});
    if (!starts_with(root, "tree:") && root != "org") return;  // a session stands alone

    auto leads_team = [&](const std::string& id) { return !org.reports_of(id).empty(); };
    std::unordered_set<std::string> placed;  // a bad import could make a cycle; each manager appears once
    // Breadth first, so every parent precedes its children and trees can be summed in reverse.
    auto add_child = [&](size_t parent, Node node) {
        nodes_.push_back(std::move(node));
        nodes_[parent].children.push_back(nodes_.size() - 1);
    };
    if (root == "org") {
        for (const std::string& top : org.top_managers())
            if (placed.insert(top).second) add_child(0, Node{tree_group(top), {}, {}, false});
    } else {
        placed.insert(root.substr(5));
    }
    for (size_t i = 0; i < nodes_.size(); ++i) {
        if (!starts_with(nodes_[i].id, "tree:")) continue;
        const std::string manager_id = nodes_[i].id.substr(5);
        const auto& reports = org.reports_of(manager_id);
        const bool leads_managers = std::any_of(reports.begin(), reports.end(), leads_team);
        add_child(i, Node{team_group(manager_id), stored(team_group(manager_id)), {}, !leads_managers});
        for (const std::string& report : reports)
            if (leads_team(report) && placed.insert(report).second) add_child(i, Node{tree_group(report), {}, {}, false});
    }
    for (size_t i = nodes_.size(); i-- > 0;) {
        if (!starts_with(nodes_[i].id, "tree:")) continue;
        for (size_t child : nodes_[i].children) nodes_[i].tally.add(nodes_[child].tally);
    }
}

std::optional<size_t> GroupForest::find(const std::string& group) const {
    for (size_t i = 0; i < nodes_.size(); ++i)
        if (nodes_[i].id == group) return i;
    return std::nullopt;
}

namespace {
// Measure 0 is the survey's respondents; then one per question; then one per index.
std::vector<std::optional<size_t>> measure_slots(const std::vector<Question>& questions, const TallyLayout& layout) {
    std::vector<std::optional<size_t>> slots{layout.find(TallyLayout::respondents())};
    for (const Question& question : questions) slots.push_back(layout.find(TallyLayout::answered(question.id)));
    for (Index index : kIndices) slots.push_back(layout.find(TallyLayout::index(index)));
    return slots;
}
}  // namespace

Visibility decide_visibility(const GroupForest& forest, const std::vector<Question>& questions,
                             const TallyLayout& layout, const Rules& rules) {
    const auto slots = measure_slots(questions, layout);
    const auto& nodes = forest.nodes();
    const int64_t n_min = rules.min_group_size;
    Visibility visibility;
    visibility.shown.assign(nodes.size(), std::vector<char>(slots.size(), 0));
    auto count = [&](size_t node, size_t measure) { return nodes[node].tally.at(slots[measure]); };

    for (size_t m = 0; m < slots.size(); ++m)
        visibility.shown[0][m] = count(0, m) >= n_min && (m == 0 || visibility.shown[0][0]);

    // Parents precede children, so each family is decided after its parent's own figures are.
    for (size_t parent = 0; parent < nodes.size(); ++parent) {
        const auto& children = nodes[parent].children;
        if (children.empty()) continue;
        for (size_t m = 0; m < slots.size(); ++m) {
            std::vector<size_t> shown;
            for (size_t child : children) {
                if (nodes[child].twin_of_parent) continue;  // decided with its twin below
                if (count(child, m) >= n_min && (m == 0 || visibility.shown[child][0])) shown.push_back(child);
            }
            if (visibility.shown[parent][m]) {
                // Hide the smallest shown children until the rest of the parent is 0 or at least N answers.
                std::sort(shown.begin(), shown.end(), [&](size_t a, size_t b) {
                    if (count(a, m) != count(b, m)) return count(a, m) < count(b, m);
                    return nodes[a].id < nodes[b].id;
                });
                int64_t remainder = count(parent, m);
                for (size_t child : shown) remainder -= count(child, m);
                size_t hidden = 0;
                while (remainder > 0 && remainder < n_min && hidden < shown.size()) remainder += count(shown[hidden++], m);
                shown.erase(shown.begin(), shown.begin() + long(hidden));
            }
            for (size_t child : shown) visibility.shown[child][m] = 1;
            for (size_t child : children)
                if (nodes[child].twin_of_parent) visibility.shown[child][m] = visibility.shown[parent][m];
        }
    }
    return visibility;
}

namespace {
Json number_or_null(std::optional<double> value) { return value ? Json(*value) : Json(nullptr); }
}  // namespace

Json group_results(const GroupForest& forest, size_t node, const Visibility& visibility,
                   const std::vector<Question>& questions, const TallyLayout& layout, const Rules& rules,
                   const CommentSource& comments) {
    const auto& group = forest.nodes()[node];
    const auto& shown = visibility.shown[node];
    const auto slots = measure_slots(questions, layout);
    const int64_t respondents = group.tally.at(slots[0]);
    // no_data only where there is nothing at all to hide: a question nobody in a shown group answered.
    auto status = [&](int64_t n, bool visible) {
        if (respondents == 0) return "no_data";
        if (!shown[0]) return "below_threshold";
        if (n == 0) return "no_data";
        return visible ? "ok" : "below_threshold";
    };

    Json out{{"group", group.id},
             {"status", status(respondents, shown[0])},
             {"respondents", shown[0] ? Json(respondents) : Json(nullptr)},
             {"released", true},
             {"min_group_size", rules.min_group_size},
             {"min_comment_group_size", rules.min_comment_group_size}};
    Json list = Json::array();
    for (size_t q = 0; q < questions.size(); ++q) {
        const Question& question = questions[q];
        const int64_t n = group.tally.at(slots[1 + q]);
        const bool visible = shown[0] && shown[1 + q] && n > 0;
        Json item{{"question_id", question.id},
                  {"status", status(n, visible)},
                  {"n", visible ? Json(n) : Json(nullptr)},
                  {"mean", nullptr},
                  {"distribution", nullptr},
                  {"comments", nullptr}};
        if (visible && question.kind != Kind::Text) {
            item["mean"] = number_or_null(question_mean(question, layout, group.tally));
            Json distribution = Json::object();
            for (const std::string& value : value_keys(question))
                distribution[value] = group.tally.at(layout.find(TallyLayout::value(question.id, value)));
            item["distribution"] = distribution;
        }
        if (visible && question.kind == Kind::Text && n >= rules.min_comment_group_size && comments)
            item["comments"] = comments(question.id);
        list.push_back(std::move(item));
    }
    out["questions"] = std::move(list);
    Json indices = Json::object();
    for (Index index : kIndices)
        indices[to_string(index)] = number_or_null(shown_index(forest, node, visibility, questions, layout, index));
    out["indices"] = std::move(indices);
    return out;
}

Json group_participation(const GroupForest& forest, size_t node, const Visibility& visibility,
                         const std::vector<Question>& questions, const TallyLayout& layout, const Rules& rules) {
    const auto& group = forest.nodes()[node];
    const bool shown = visibility.shown[node][0];
    const int64_t respondents = group.tally.at(measure_slots(questions, layout)[0]);
    return Json{{"group", group.id},
                {"status", respondents == 0 ? "no_data" : shown ? "ok" : "below_threshold"},
                {"respondents", shown ? Json(respondents) : Json(nullptr)},
                {"released", false},
                {"min_group_size", rules.min_group_size},
                {"min_comment_group_size", rules.min_comment_group_size}};
}

namespace {
// Whether the node's respondents and this index may be shown.
bool index_shown(const Visibility& visibility, size_t node, const std::vector<Question>& questions, Index index) {
    const auto& shown = visibility.shown[node];
    const size_t slot = 1 + questions.size() + size_t(std::find(std::begin(kIndices), std::end(kIndices), index) -
                                                      std::begin(kIndices));
    return shown[0] && shown[slot];
}
}  // namespace

std::optional<double> shown_index(const GroupForest& forest, size_t node, const Visibility& visibility,
                                  const std::vector<Question>& questions, const TallyLayout& layout, Index index) {
    if (!index_shown(visibility, node, questions, index)) return std::nullopt;
    return score(index, questions, layout, forest.nodes()[node].tally);
}

std::optional<double> shown_index(const GroupForest& forest, size_t node, const Visibility& visibility,
                                  const std::vector<Question>& questions, const IndexScorer& scorer) {
    if (!index_shown(visibility, node, questions, scorer.index())) return std::nullopt;
    return scorer(forest.nodes()[node].tally);
}

std::optional<double> theme_score(const Json& results, const std::vector<Question>& questions,
                                  const std::string& theme) {
    if (!results.is_object()) return std::nullopt;  // not loaded (yet)
    const Json indices = results.value("indices", Json::object());
    auto index = [&](const char* name) -> std::optional<double> {
        auto it = indices.find(name);
        if (it == indices.end() || !it->is_number()) return std::nullopt;
        return it->get<double>();
    };
    if (theme == "engagement") return index("engagement");
    if (theme == "enps") {
        auto value = index("enps");
        return value ? std::optional<double>((*value + 100.0) / 2.0) : std::nullopt;
    }
    if (theme == "psych_safety") {
        auto value = index("psych_safety");
        return value ? std::optional<double>((*value - 1.0) / 6.0 * 100.0) : std::nullopt;
    }
    double sum = 0;
    int count = 0;
    for (const Json& item : results.value("questions", Json::array())) {
        auto question = std::find_if(questions.begin(), questions.end(),
                                     [&](const Question& q) { return q.id == item.value("question_id", ""); });
        if (question == questions.end() || question->theme != theme || !item["mean"].is_number()) continue;
        const auto keys = value_keys(*question);
        const double low = std::stod(keys.front()), high = std::stod(keys.back());
        sum += (item["mean"].get<double>() - low) / (high - low) * 100.0;
        ++count;
    }
    if (!count) return std::nullopt;
    return sum / count;
}

std::string anonymity_sentence(const Rules& rules) {
    return "Your answers are anonymous. They are stored with no name, e-mail, link or time finer than the day, "
           "and counted only with the rest of your group: no figure is shown for fewer than " +
           std::to_string(rules.min_group_size) + " people, and written comments only when at least " +
           std::to_string(rules.min_comment_group_size) +
           " people wrote one. While the survey is open nobody sees scores or comments, only how many people "
           "have answered; they are released when it closes.";
}

} // namespace tandem::survey
