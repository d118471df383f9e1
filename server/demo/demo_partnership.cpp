#include "demo/demo_partnership.h"

#include "demo/demo_org.h"
#include "tandem/partnership/agreements.h"
#include "tandem/base/dates.h"
#include "tandem/base/ids.h"
#include "tandem/sync/sync_service.h"

namespace tandem::server {

namespace {
std::string guide_titled(Store& store, const std::string& title) {
    for (const StoredRecord& guide : store.records_of("guide"))
        if (guide.state.text("title") == title) return guide.state.record_id;
    return {};
}
}  // namespace

void add_demo_partnership(Store& store, std::map<std::string, std::string>& ids, HlcClock& clock, uint64_t now) {
    SyncService sync(store);
    const std::string today = iso_from_days(int64_t(now / 86'400'000));
    const std::string hr = ids["hr"], maya = ids["manager1"], noah = ids["manager2"], elena = ids["mentor"];

    const std::string career = new_uuid_v7(now);
    sync.write_as_server(
        {server_change(clock, now, "program", career,
                       {{"title", "Career conversations for every report"},
                        {"goal", "Every report has a career conversation each quarter, using the Career development "
                                 "template, so growth is talked about before people start looking elsewhere."},
                        {"stage", "design"}, {"owner_ids", hr}, {"guide_ids", guide_titled(store, "Career development")},
                        {"starts_on", add_days(today, -60)}}),
         server_change(clock, now, "program", new_uuid_v7(now),
                       {{"title", "Recognition rhythm"},
                        {"goal", "Recognition every month in every team, tied to the company values."},
                        {"stage", "pilot"}, {"owner_ids", hr}, {"starts_on", add_days(today, -30)}}),
         server_change(clock, now, "program", new_uuid_v7(now),
                       {{"title", "New manager onboarding"},
                        {"goal", "A first-90-days path for people stepping into management."},
                        {"stage", "idea"}, {"owner_ids", hr}})},
        hr);
    sync.write_as_server({server_change(clock, now, "program_comment", new_uuid_v7(now),
                                        {{"program_id", career}, {"author_id", noah}, {"author_name", "Noah Okafor"},
                                         {"stage", "design"}, {"kind", "proposal"},
                                         {"text", "Make it every second 1:1 rather than a separate meeting: "
                                                  "my team already meets fortnightly."}}),
                          server_change(clock, now, "program_rating", new_uuid_v7(now),
                                        {{"program_id", career}, {"rater_id", noah}, {"stage", "design"}, {"usefulness", 4},
                                         {"minutes_per_month", 45}})},
                         noah);

    // Maya's agreement, signed by both 40 days ago: its adherence is measured on her demo 1:1s.
    const std::string agreement = new_uuid_v7(now), version = new_uuid_v7(now);
    const std::vector<Commitment> commitments{
        {"cadence", "Hold a 1:1 with every report at least fortnightly", metric::kCheckinCadence, 100},
        {"recognition", "Recognise someone in the team every month", metric::kRecognitions, 1},
        {"survey", "Discuss survey results with the team within two weeks", metric::kSurveyDiscussed, 14},
        {"mentoring", "Meet my mentor every month", metric::kMentoringSessions, 1},
        {"growth", "Agree a growth goal with each report this year", "", 0}};
    sync.write_as_server({server_change(clock, now, "agreement", agreement,
                                        {{"manager_id", maya}, {"title", "Manager agreement 2026"}}),
                          server_change(clock, now, "agreement_version", version,
                                        {{"agreement_id", agreement}, {"author_id", hr}, {"number", 1},
                                         {"commitments", commitments_json(commitments)},
                                         {"note", "First draft from HR"}})},
                         hr);
    for (const auto& signer : {maya, hr})
        sync.write_as_server({server_change(clock, now, "agreement_signature", new_uuid_v7(now),
                                            {{"agreement_id", agreement}, {"version_id", version},
                                             {"signer_id", signer}, {"signed_on", add_days(today, -40)}})},
                             signer);

    struct Pair {
        const char* mentee;
        const char* mentee_name;
        int started_days_ago;
        std::vector<int> sessions_days_ago;
    };
    for (const Pair& pair : {Pair{"manager1", "Maya Chen", 90, {75, 38}}, Pair{"manager2", "Noah Okafor", 30, {9}}}) {
        const std::string pair_id = new_uuid_v7(now);
        sync.write_as_server({server_change(clock, now, "mentoring_pair", pair_id,
                                            {{"mentee_id", ids[pair.mentee]}, {"mentor_id", elena},
                                             {"mentee_name", pair.mentee_name}, {"mentor_name", "Elena Petrova"},
                                             {"cadence_days", 30}, {"started_on", add_days(today, -pair.started_days_ago)}})},
                             hr);
        std::vector<Change> logged;
        for (int days_ago : pair.sessions_days_ago) {
            const std::string session = new_uuid_v7(now);
            logged.push_back(server_change(clock, now, "mentoring_session", session,
                                           {{"pair_id", pair_id}, {"held_on", add_days(today, -days_ago)}, {"minutes", 45}}));
            logged.push_back(server_change(clock, now, "mentoring_note", new_uuid_v7(now),
                                           {{"session_id", session},
                                            {"text", "Talked through delegating the release process and how to "
                                                     "give a senior report more ownership."}}));
        }
        sync.write_as_server(logged, elena);
    }
}

} // namespace tandem::server
