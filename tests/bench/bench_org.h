#pragma once
// The organisation the 100,000-person benchmarks share: a tree of 9 reports per manager under the demo
// director (about 11,000 managers, 5 levels) and one 50-question survey (engagement, psychological
// safety and eNPS items in turn), written through the server's own write path.
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "bench_clock.h"
#include "surveys/survey_store.h"
#include "tandem/sync/org_chart.h"
#include "tandem/base/hlc.h"
#include "tandem/base/ids.h"
#include "tandem/surveys/survey_scoring.h"
#include "tandem/sync/sync_service.h"

namespace tandem::bench {

constexpr int kPeople = 100000;
constexpr int kQuestions = 50;

struct Seeded {
    std::string survey_id;
    std::vector<std::string> question_ids;
    std::vector<std::string> managers;  // in the order made: top first
    std::string top, middle;
    std::vector<std::pair<std::string, std::string>> people;  // id, manager (the CEO not included)
};

inline Change server_change(HlcClock& clock, const std::string& entity, const std::string& record_id, Json fields) {
    Change change;
    change.id = new_uuid_v7(wall_millis());
    change.entity = entity;
    change.record_id = record_id;
    change.hlc = clock.now(wall_millis()).to_string();
    change.device_id = "server";
    change.fields = std::move(fields);
    return change;
}

// `more_fields(fields, index)` may add fields to each person record (HRIS dates, for instance).
inline Seeded seed_org_and_survey(Store& store, const std::string& ceo,
                                  const std::function<void(Json&, size_t)>& more_fields = {}) {
    Seeded seeded;
    HlcClock clock;
    SyncService service(store);
    std::vector<Change> changes;
    std::vector<std::string> level{ceo};
    seeded.managers.push_back(ceo);
    int placed = 1;
    auto& people = seeded.people;
    while (placed < kPeople) {
        std::vector<std::string> next;
        for (const auto& manager : level)
            for (int i = 0; i < 9 && placed < kPeople; ++i, ++placed) {
                people.push_back({new_uuid_v7(wall_millis()), manager});
                next.push_back(people.back().first);
            }
        level = next;
    }
    // Whoever has reports is a manager; everyone else an employee.
    std::unordered_map<std::string, int> reports;
    for (const auto& [id, manager] : people) ++reports[manager];
    for (size_t index = 0; index < people.size(); ++index) {
        const auto& [id, manager] = people[index];
        const bool leads = reports.count(id) > 0;
        if (leads) seeded.managers.push_back(id);
        Json fields{{"name", "Person " + id.substr(24)},
                    {"email", id.substr(24) + "@bench.example"},
                    {"role", leads ? "manager" : "employee"},
                    {"manager_id", manager}};
        if (more_fields) more_fields(fields, index);
        changes.push_back(server_change(clock, "person", id, std::move(fields)));
        if (changes.size() == 5000) {
            service.write_as_server(changes);
            changes.clear();
        }
    }
    seeded.top = seeded.managers[1];    // a vice-president under the CEO
    seeded.middle = seeded.managers[12];  // two levels down
    seeded.survey_id = new_uuid_v7(wall_millis());
    changes.push_back(server_change(clock, "survey", seeded.survey_id,
                                    {{"title", "Annual engagement"}, {"audience", "org"}, {"status", "open"}}));
    const char* kinds[] = {"likert5", "agree7", "scale0_10"};
    const char* themes[] = {"engagement", "psych_safety", "enps"};
    for (int q = 0; q < kQuestions; ++q) {
        seeded.question_ids.push_back(new_uuid_v7(wall_millis()));
        changes.push_back(server_change(clock, "survey_question", seeded.question_ids.back(),
                                        {{"survey_id", seeded.survey_id}, {"position", q}, {"kind", kinds[q % 3]},
                                         {"theme", themes[q % 3]}, {"text", "Statement " + std::to_string(q)}}));
    }
    service.write_as_server(changes);
    return seeded;
}

inline std::vector<survey::Answer> answers_of(const Seeded& seeded, int person) {
    std::vector<survey::Answer> answers;
    for (int q = 0; q < kQuestions; ++q) {
        const int range = q % 3 == 0 ? 5 : q % 3 == 1 ? 7 : 11;
        const int low = q % 3 == 2 ? 0 : 1;
        answers.push_back({seeded.question_ids[size_t(q)], std::to_string(low + (person * 7 + q) % range)});
    }
    return answers;
}

// Everyone below a manager answers every question, counted for that manager's team and the organisation,
// one transaction per team; returns the number of respondents.
inline int answer_everyone(Store& store, const Seeded& seeded, const OrgChart& org, const std::string& day) {
    auto survey = server::load_survey(store, seeded.survey_id);
    int respondent = 0;
    for (const auto& manager : seeded.managers)
        store.transaction([&] {
            for (size_t i = 0; i < org.reports_of(manager).size(); ++i)
                server::record_respondent(store, *survey, answers_of(seeded, respondent++),
                                          {survey::team_group(manager), "org"}, day);
        });
    return respondent;
}

}  // namespace tandem::bench
