#include "tandem/guides/guide_views.h"

#include <algorithm>
#include <map>

namespace tandem {

namespace {
std::string trimmed(const std::string& line) {
    const size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) return "";
    return line.substr(first, line.find_last_not_of(" \t\r") - first + 1);
}

std::vector<std::string> lines_of(const std::string& body) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (start <= body.size()) {
        const size_t end = std::min(body.find('\n', start), body.size());
        if (std::string line = trimmed(body.substr(start, end - start)); !line.empty()) lines.push_back(line);
        start = end + 1;
    }
    return lines;
}
}  // namespace

std::vector<GuideStep> parse_playbook(const std::string& body) {
    std::vector<GuideStep> steps;
    for (const auto& line : lines_of(body)) {
        if (line.rfind("# ", 0) == 0) {
            steps.push_back(GuideStep{trimmed(line.substr(2)), {}});
        } else {
            if (steps.empty()) steps.push_back(GuideStep{"", {}});
            steps.back().checklist.push_back(line.rfind("- ", 0) == 0 ? trimmed(line.substr(2)) : line);
        }
    }
    return steps;
}

std::vector<std::string> parse_prompts(const std::string& kind, const std::string& body) {
    if (kind != "playbook") {
        std::vector<std::string> prompts;
        for (auto& line : lines_of(body)) prompts.push_back(line.rfind("- ", 0) == 0 ? trimmed(line.substr(2)) : line);
        return prompts;
    }
    // A playbook's checklist items become agenda points, each named with its step.
    std::vector<std::string> prompts;
    for (const auto& step : parse_playbook(body))
        for (const auto& item : step.checklist) prompts.push_back(step.title.empty() ? item : step.title + ": " + item);
    return prompts;
}

std::vector<GuideView> guide_views(Store& store) {
    std::map<std::string, RecordState> versions;
    for (auto& record : store.records_of("guide_version"))
        if (!record.state.deleted) versions[record.state.record_id] = std::move(record.state);
    std::map<std::string, std::vector<GuideFeedbackView>> feedback;
    for (const auto& record : store.records_of("guide_feedback")) {
        if (record.state.deleted) continue;
        Json usefulness = record.state.value("usefulness"), minutes = record.state.value("minutes");
        feedback[record.state.text("guide_id")].push_back(
            GuideFeedbackView{record.state.record_id, record.author_id, record.state.text("comment"),
                              usefulness.is_number_integer() ? usefulness.get<int>() : 0,
                              minutes.is_number_integer() ? minutes.get<int>() : -1});
    }
    std::vector<GuideView> guides;
    for (const auto& record : store.records_of("guide")) {
        if (record.state.deleted) continue;
        GuideView guide;
        guide.guide_id = record.state.record_id;
        guide.kind = record.state.text("kind");
        guide.title = record.state.text("title");
        guide.topic = record.state.text("topic");
        Json archived = record.state.value("archived");
        guide.archived = archived.is_boolean() && archived.get<bool>();
        guide.version_id = record.state.text("current_version_id");
        if (auto it = versions.find(guide.version_id); it != versions.end()) {
            Json version = it->second.value("version");
            guide.version = version.is_number_integer() ? version.get<int>() : 0;
            guide.body = it->second.text("body");
            guide.prompts = parse_prompts(guide.kind, guide.body);
            if (guide.kind == "playbook") guide.steps = parse_playbook(guide.body);
        }
        guide.feedback = std::move(feedback[guide.guide_id]);
        int rated = 0, timed = 0;
        for (const auto& given : guide.feedback) {
            if (given.usefulness) guide.mean_usefulness += given.usefulness, ++rated;
            if (given.minutes >= 0) guide.mean_minutes += given.minutes, ++timed;
        }
        if (rated) guide.mean_usefulness /= rated;
        if (timed) guide.mean_minutes /= timed;
        guides.push_back(std::move(guide));
    }
    std::sort(guides.begin(), guides.end(), [](const auto& a, const auto& b) {
        return a.archived != b.archived ? !a.archived : a.title < b.title;
    });
    return guides;
}

} // namespace tandem
