// What the HR console adds to the app: the directory as HR's home, a person's page, import and the audit log.
#include "app/app.h"
#include "features/people/people.h"

namespace tandem::client {

namespace {
constexpr const char* kImportScreen = "people/import";
constexpr const char* kAuditScreen = "people/audit";

void load_first_audit_page(App& app) { app.people().load_audit(app.platform(), app.user()->token, false); }
}  // namespace

void register_people(Registry& registry) {
    const std::vector<Role> hr{Role::HrAdmin};
    registry.add_screen({kPeopleScreen, draw_people_screen, hr, {{Role::HrAdmin, "People"}}});
    registry.add_screen({kPersonScreen, draw_person_screen, hr, {}, kPeopleScreen});
    registry.add_screen({kImportScreen, draw_import_screen, hr, {{Role::HrAdmin, "Import"}}});
    registry.add_screen({kAuditScreen, draw_audit_screen, hr, {{Role::HrAdmin, "Audit log"}}, "", load_first_audit_page});
    registry.set_home(Role::HrAdmin, kPeopleScreen);
}

void open_person(App& app, const std::string& person_id) {
    app.open_screen(kPersonScreen, [person_id](App& app) {
        PeopleConsole& console = app.people();
        console.selected_id = person_id;
        console.chosen_role.clear();
        console.message.clear();
    });
}

} // namespace tandem::client
