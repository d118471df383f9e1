#include "feature_api/registry.h"

#include <algorithm>
#include <stdexcept>

namespace tandem::client {

const char* ScreenSpec::label_for(Role role) const {
    for (const auto& [who, label] : navigation)
        if (who == role) return label;
    return nullptr;
}

bool ScreenSpec::open_to(Role role) const {
    return roles.empty() || std::find(roles.begin(), roles.end(), role) != roles.end();
}

namespace {
template <typename Item>
void refuse_taken(const std::vector<Item>& items, const std::string& id, const char* what) {
    for (const auto& item : items)
        if (item.id == id) throw std::logic_error(std::string(what) + " \"" + id + "\" is registered twice");
}
}  // namespace

void Registry::add_screen(ScreenSpec screen) {
    refuse_taken(screens_, screen.id, "screen");
    if (!screen.draw) throw std::logic_error("screen \"" + screen.id + "\" has nothing to draw");
    screens_.push_back(std::move(screen));
}

void Registry::add_home_item(HomeItem item) {
    refuse_taken(home_items_, item.id, "home item");
    home_items_.push_back(std::move(item));
}

void Registry::add_agenda_item(AgendaItem item) {
    refuse_taken(agenda_items_, item.id, "agenda item");
    agenda_items_.push_back(std::move(item));
}

void Registry::set_home(Role role, ScreenId screen) {
    for (auto& [who, id] : homes_)
        if (who == role) throw std::logic_error("two home screens for one role: " + id + " and " + screen);
    homes_.emplace_back(role, std::move(screen));
}

void Registry::set_device_takeover(DeviceTakeover takeover) {
    if (takeover_) throw std::logic_error("two modes that take the whole device over");
    if (!takeover.resume || !takeover.active || !takeover.tick || !takeover.draw)
        throw std::logic_error("a device takeover needs resume, active, tick and draw");
    takeover_ = takeover;
}

void Registry::add_views(void (*rebuild)(const ViewSource&)) { view_builders_.push_back(rebuild); }
void Registry::add_background(void (*work)(Context&)) { background_.push_back(work); }

const ScreenSpec* Registry::screen(const ScreenId& id) const {
    for (const auto& screen : screens_)
        if (screen.id == id) return &screen;
    return nullptr;
}

std::optional<ScreenId> Registry::home_for(Role role) const {
    for (const auto& [who, id] : homes_)
        if (who == role) return id;
    return std::nullopt;
}

void Registry::run_background(Context& ctx) const {
    for (auto work : background_) work(ctx);
}

void Registry::rebuild_views(const ViewSource& source) const {
    for (auto rebuild : view_builders_) rebuild(source);
}

} // namespace tandem::client
