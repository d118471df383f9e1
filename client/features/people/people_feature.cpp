// What the HR console adds to the app: the directory as HR's home, a person's page, import and the audit log.
#include "feature_api/context.h"
#include "feature_api/per_user.h"
#include "features/people/people.h"
#include "features/people/people_console.h"

namespace tandem::client {

namespace {
constexpr const char* kImportScreen = "people/import";
constexpr const char* kAuditScreen = "people/audit";

PerUser<PeopleConsole> console;

void rebuild(const ViewSource& source) {
    if (source.role == Role::HrAdmin) console.rebuild(source.store);
}

void load_first_audit_page(Context& ctx) { console.load_audit(ctx.platform(), ctx.user().token, false); }
// The directory names employee access's state at the top, so HR sees it without looking for it.
void read_access(Context& ctx) {
    if (!console.busy) console.load_access(ctx.platform(), ctx.user().token);
}
}  // namespace

void register_people(Registry& registry) {
    const std::vector<Role> hr{Role::HrAdmin};
    registry.add_screen({kPeopleScreen, draw_people_screen, hr, {{Role::HrAdmin, "People"}}, "", read_access});
    registry.add_screen({kPersonScreen, draw_person_screen, hr, {}, kPeopleScreen});
    registry.add_screen({kImportScreen, draw_import_screen, hr, {{Role::HrAdmin, "Import"}}});
    registry.add_screen({kAccessScreen, draw_access_screen, hr, {{Role::HrAdmin, "Access"}}, "", load_access});
    registry.add_screen({kAuditScreen, draw_audit_screen, hr, {{Role::HrAdmin, "Audit log"}}, "", load_first_audit_page});
    registry.set_home(Role::HrAdmin, kPeopleScreen);
    registry.add_views(rebuild);
}

PeopleConsole& people_console() { return console; }

void open_person(Context& ctx, const std::string& person_id) {
    ctx.open_screen(kPersonScreen, [person_id](Context&) {
        console.selected_id = person_id;
        console.chosen_role.clear();
        console.message.clear();
    });
}

} // namespace tandem::client
