#pragma once
// The HR console (docs/features.md, People): the directory, a person's page, the HRIS import and the audit
// log. Online only; its state is PeopleConsole, kept by App.
#include <string>

namespace tandem::client {
class App;
class Registry;

inline constexpr const char* kPeopleScreen = "people";
inline constexpr const char* kPersonScreen = "people/person";

void register_people(Registry& registry);

void draw_people_screen(App& app);
void draw_person_screen(App& app);
void draw_import_screen(App& app);
void draw_audit_screen(App& app);
// Opens one person's page.
void open_person(App& app, const std::string& person_id);
} // namespace tandem::client
