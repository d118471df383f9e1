#pragma once
// Read model of HR's templates and playbooks: each guide with its current version parsed into prompts or
// steps, and the ratings managers gave it (HR sees all of them; a manager sees their own).
#include <string>
#include <vector>

#include "tandem/sync/store.h"

namespace tandem {

struct GuideStep {
    std::string title;
    std::vector<std::string> checklist;
};

struct GuideFeedbackView {
    std::string feedback_id, author_id, comment;
    int usefulness = 0, minutes = -1;  // 0 / -1: not given
};

struct GuideView {
    std::string guide_id, kind, title, topic;
    bool archived = false;
    std::string version_id;  // current version; empty until HR publishes one
    int version = 0;
    std::string body;
    std::vector<std::string> prompts;  // what joins a 1:1's agenda
    std::vector<GuideStep> steps;      // playbooks only
    std::vector<GuideFeedbackView> feedback;
    double mean_usefulness = 0, mean_minutes = 0;  // over the feedback that gave each
};

// A version's text as steps (playbook: "# Step" lines, "- item" lines) or prompts (template: one per line).
std::vector<GuideStep> parse_playbook(const std::string& body);
std::vector<std::string> parse_prompts(const std::string& kind, const std::string& body);

// Every guide the store holds, by title; archived ones last.
std::vector<GuideView> guide_views(Store& store);

} // namespace tandem
