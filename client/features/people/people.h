#pragma once
// The HR console (docs/features.md, People): the directory, a person's page, the HRIS import and the audit
// log. Online only; its state is PeopleConsole, kept for the signed-in HR admin.
#include <string>

namespace tandem::client {
class Context;
class PeopleConsole;
class Registry;

inline constexpr const char* kPeopleScreen = "people";
inline constexpr const char* kPersonScreen = "people/person";
inline constexpr const char* kAccessScreen = "people/access";

void register_people(Registry& registry);
PeopleConsole& people_console();

void draw_people_screen(Context& ctx);
void draw_person_screen(Context& ctx);
void draw_import_screen(Context& ctx);
void draw_audit_screen(Context& ctx);
// Employee access and bulk invitations (access_screen.cpp); load_access reads the switch when it opens.
void draw_access_screen(Context& ctx);
void load_access(Context& ctx);
// Opens one person's page.
void open_person(Context& ctx, const std::string& person_id);
} // namespace tandem::client
