#pragma once
// What each feature adds to the app, registered from the feature's own folder (client/features/features.cpp
// lists the features: each one's header and register call): its screens, what it shows on a manager's home
// screen, what it adds to a 1:1's agenda, the home screen of a role, and the read models it rebuilds when data
// changed. The frame, the navigation and the 1:1 screen draw from here and name no feature
// (docs/architecture.md, The client).
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tandem/sync/org_chart.h"

namespace tandem {
struct CheckInDetail;
class Store;
}

namespace tandem::client {

class Context;
class NoteSealing;
class Platform;
struct PeopleDirectory;

// A screen's id: the feature's name, then the screen's within it ("surveys/results").
using ScreenId = std::string;

struct ScreenSpec {
    ScreenId id;
    void (*draw)(Context&) = nullptr;
    // Who may open it; empty: anyone signed in.
    std::vector<Role> roles = {};
    // Where it shows in the navigation bar: its label there for each role that sees it (a manager's
    // "Agreement" is HR's "Agreements"). Empty: reached from other screens only.
    std::vector<std::pair<Role, const char*>> navigation = {};
    // The navigation place it belongs to (a survey's results belong to "surveys"), kept underlined while it
    // is open. Empty for a place of its own.
    ScreenId place = {};
    // Runs each time the screen is opened (the audit log fetches its first page).
    void (*on_open)(Context&) = nullptr;

    const char* label_for(Role role) const;  // nullptr when `role` does not see it in the navigation
    bool open_to(Role role) const;
};

// A line on a manager's home screen (a to-do such as feedback requests waiting for an answer).
struct HomeItem {
    std::string id;
    void (*draw)(Context&) = nullptr;
};

// Something a feature adds to a 1:1's agenda, drawn above the talking points (survey actions the report
// owns) or below them (a guide's prompts to add).
struct AgendaItem {
    enum class Where { AboveTalkingPoints, BelowTalkingPoints };
    std::string id;
    Where where = Where::AboveTalkingPoints;
    void (*draw)(Context&, const CheckInDetail&) = nullptr;
};

// What a feature's read models are built from. They are rebuilt after data changed (an edit, a pull, the
// key unlocked), before the frame that shows it, so drawing never runs SQL.
struct ViewSource {
    Store& store;
    const std::string& user_id;
    Role role;
    const std::string& today;
    const NoteSealing& sealing;
    const PeopleDirectory& directory;  // already rebuilt: who is who, for names and roles
};

// A mode that takes the whole device over while it lasts (the kiosk at a training session): App opens nobody's
// session and draws this instead of the frame and every screen. The feature ends the session before the mode
// starts (the kiosk signs HR out), so when it ends the app is at sign-in with no way back.
struct DeviceTakeover {
    // At start-up: true when the device was left in this mode (it stays in it across restarts).
    bool (*resume)(Platform&) = nullptr;
    bool (*active)() = nullptr;
    void (*tick)(Platform&) = nullptr;  // each frame while active, before drawing
    void (*draw)(Platform&) = nullptr;  // the whole window
};

class Registry {
public:
    // Adding a screen whose id is taken, or an item whose id is, replaces nothing: it throws, since two
    // features would otherwise fight over one name without anyone noticing.
    void add_screen(ScreenSpec screen);
    void add_home_item(HomeItem item);
    void add_agenda_item(AgendaItem item);
    // A feature's read models: `rebuild` runs whenever data changed. Keep them in a PerUser (per_user.h), so
    // sign-out forgets them with everything else the feature keeps.
    void add_views(void (*rebuild)(const ViewSource&));
    // Work a feature does on its own each frame while someone is signed in, whatever screen is open (a
    // survey's token fetched the moment the device learns of the survey), after the views are rebuilt.
    void add_background(void (*work)(Context&));
    // The screen a role lands on after signing in.
    void set_home(Role role, ScreenId screen);
    // At most one: two modes could not both own the device.
    void set_device_takeover(DeviceTakeover takeover);

    const ScreenSpec* screen(const ScreenId& id) const;
    const std::vector<ScreenSpec>& screens() const { return screens_; }
    const std::vector<HomeItem>& home_items() const { return home_items_; }
    const std::vector<AgendaItem>& agenda_items() const { return agenda_items_; }
    std::optional<ScreenId> home_for(Role role) const;
    void rebuild_views(const ViewSource& source) const;
    void run_background(Context& ctx) const;
    const std::optional<DeviceTakeover>& device_takeover() const { return takeover_; }

private:
    std::vector<ScreenSpec> screens_;
    std::vector<HomeItem> home_items_;
    std::vector<AgendaItem> agenda_items_;
    std::vector<std::pair<Role, ScreenId>> homes_;
    std::vector<void (*)(const ViewSource&)> view_builders_;
    std::vector<void (*)(Context&)> background_;
    std::optional<DeviceTakeover> takeover_;
};

} // namespace tandem::client
