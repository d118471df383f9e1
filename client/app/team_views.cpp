#include "app/team_views.h"

namespace tandem::client {

void TeamViews::rebuild(Store& store, const std::string& user_id, const std::string& today,
                        const NoteSealing& sealing) {
    team = team_overview(store, user_id, today);
    report_name.clear();
    for (const auto& report : team)
        if (report.person_id == report_id) report_name = report.name;
    history = report_id.empty() ? std::vector<CheckInSummary>{} : checkin_history(store, report_id);
    if (!checkin.checkin_id.empty()) checkin = checkin_detail(store, checkin.checkin_id, user_id);
    OpenedText note = sealing.open(checkin.private_text);
    private_note_status = note.status;
    private_note_text = std::move(note.text);
    journal.clear();
    for (auto& entry : journal_entries(store, user_id)) {
        OpenedText opened = sealing.open(entry.sealed_text);
        journal.push_back(JournalEntry{std::move(entry), opened.status, std::move(opened.text)});
    }
    guides = guide_views(store);
    feedback = feedback_world(store, user_id);
    surveys = build_survey_world(store);
    programs = program_views(store, user_id);
    agreements = agreement_views(store);
    own_adherence.clear();
    for (const auto& agreement : agreements)
        if (agreement.manager_id == user_id && agreement.in_force >= 0)
            own_adherence[agreement.agreement_id] =
                agreement_adherence(agreement, manager_activity(store, user_id, today, nullptr), today);
    mentoring = mentoring_pairs(store, today);
    mentoring_coverage = tandem::mentoring_coverage(store, mentoring);
    org = OrgChart{};
    person_names.clear();
    mentors.clear();
    for (const auto& person : store.records_of("person")) {
        if (person.state.deleted) continue;
        Role role = Role::Employee;
        parse_role(person.state.text("role"), role);
        org.set_person(person.state.record_id, person.state.text("manager_id"), role);
        person_names[person.state.record_id] = person.state.text("name");
        if (role == Role::Mentor) mentors.emplace_back(person.state.record_id, person.state.text("name"));
    }
    ++version;
}

std::string TeamViews::name_of(const std::string& person_id, const std::string& fallback) const {
    auto it = person_names.find(person_id);
    return it != person_names.end() ? it->second : feedback.name_of(person_id, fallback);
}

} // namespace tandem::client
