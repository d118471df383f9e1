// The starter set of conversation templates and playbooks the demo organisation ships, written by HR
// (Hana Reyes) as version 1 of each. Written for Tandem, in plain words a busy manager can use as-is.
#include "demo/demo_guides.h"

#include "demo/demo_org.h"
#include "tandem/base/ids.h"
#include "tandem/sync/sync_service.h"

namespace tandem::server {

namespace {

struct StarterGuide {
    const char* kind;
    const char* title;
    const char* topic;
    const char* body;
};

const StarterGuide kStarterSet[] = {
    {"template", "Career development", "growth",
     "Where do you want to be in two years, and what pulls you there?\n"
     "Which parts of your work give you energy, and which drain it?\n"
     "What skill would you like to build next, and how could your work this quarter help?\n"
     "Who could you learn from, inside or outside the team?\n"
     "What is one concrete step we agree on before our next 1:1?"},
    {"template", "Performance coaching", "performance",
     "What went well since we last met, and what made it work?\n"
     "Where did things not go as planned? Walk me through one example.\n"
     "What would 'good' look like for that piece of work, in your own words?\n"
     "What support, time or information is missing?\n"
     "What will you try differently, and how will we both know it worked?"},
    {"template", "Conflict resolution", "relationships",
     "Describe what happened, sticking to what was said and done.\n"
     "How did it affect you and your work?\n"
     "What do you think the other person wanted or was worried about?\n"
     "What outcome would feel fair to both of you?\n"
     "What is the first step, and do you want me in the room for it?"},
    {"template", "Difficult conversation", "performance",
     "State the issue in one sentence, with a specific example.\n"
     "Explain the impact on the team, customers or the person themself.\n"
     "Ask for their view, then listen without interrupting.\n"
     "Agree what will change, by when, and how we will check.\n"
     "Say what support you will give, and book the follow-up now."},
    {"template", "New joiner check-in", "onboarding",
     "How are the first weeks compared with what you expected?\n"
     "Is anything still missing: access, tools, introductions?\n"
     "Who have you met so far, and who should you meet next?\n"
     "What is one thing that confused you about how we work?\n"
     "What would make next week better?"},
    {"template", "Psychological safety check-in", "team health",
     "When did you last hold back an idea or a concern in the team? What stopped you?\n"
     "How easy is it to admit a mistake here?\n"
     "Do you feel your different perspective is used, or just tolerated?\n"
     "What could I do, or stop doing, so people speak up sooner?"},
    {"template", "Recognition conversation", "recognition",
     "Name the specific thing they did and when.\n"
     "Explain the difference it made, for whom.\n"
     "Ask how it went from their side and what they learned.\n"
     "Ask how they would like it recognised: privately, in the team, more widely?"},
    {"playbook", "Onboarding a new report", "onboarding",
     "# Before day one\n"
     "- Accounts, laptop and access requested\n"
     "- A buddy chosen and briefed\n"
     "- First-week calendar shared\n"
     "# First week\n"
     "- Welcome 1:1 on day one: expectations both ways\n"
     "- Introductions to the five people they will work with most\n"
     "- A small first task that ships by Friday\n"
     "# First 90 days\n"
     "- Weekly 1:1s with the new joiner template\n"
     "- Goals for the first quarter agreed by day 30\n"
     "- A 90-day review: what to keep, what to change"},
    {"playbook", "Handling a performance concern", "performance",
     "# Prepare\n"
     "- Two or three concrete, recent examples written down\n"
     "- The expected standard stated in one sentence\n"
     "- HR consulted if the concern is serious or repeated\n"
     "# Talk\n"
     "- Use the difficult conversation template\n"
     "- Agree changes, dates and the support you will give\n"
     "# Follow up\n"
     "- Action items with dates in the 1:1\n"
     "- A check-in within two weeks\n"
     "- Recognise the improvement when it comes"},
};

}  // namespace

void add_demo_guides(Store& store, const std::string& hr_id, HlcClock& clock, uint64_t now) {
    std::vector<Change> changes;
    for (const auto& guide : kStarterSet) {
        const std::string guide_id = new_uuid_v7(now), version_id = new_uuid_v7(now);
        changes.push_back(server_change(clock, now, "guide", guide_id,
                                        {{"kind", guide.kind}, {"title", guide.title}, {"topic", guide.topic},
                                         {"archived", false}}));
        changes.push_back(server_change(clock, now, "guide_version", version_id,
                                        {{"guide_id", guide_id}, {"version", 1}, {"title", guide.title},
                                         {"body", guide.body}}));
        changes.push_back(server_change(clock, now, "guide", guide_id, {{"current_version_id", version_id}}));
    }
    SyncService(store).write_as_server(changes, hr_id);
}

} // namespace tandem::server
