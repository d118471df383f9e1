#include "app/app.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "feature_api/per_user.h"
#include "tandem/base/dates.h"
#include "tandem/sync/entity.h"
#include "tandem/base/sealed.h"

namespace tandem::client {

namespace {
std::string session_path(Platform& platform) { return platform.data_dir() + "/session.json"; }

// The sign-in answer's "password_reset" {"at", "by"} as a sentence: "Your password was reset on Dec 2, 2026 by
// Hana Reyes (HR)." The server repeats it on each sign-in for a while, so the person learns of a reset they
// did not ask for even when someone else signed in with the link first.
std::string password_reset_notice(const Json& reset) {
    static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::string at = reset.value("at", std::string());
    std::string day = at.substr(0, 10);
    if (is_iso_date(day))
        day = std::string(kMonths[std::atoi(day.c_str() + 5) - 1]) + " " + std::to_string(std::atoi(day.c_str() + 8)) +
              ", " + day.substr(0, 4);
    const Json by = reset.value("by", Json());
    const std::string who = by.is_string() ? by.get<std::string>() + " (HR)" : std::string("an administrator");
    return "Your password was reset on " + day + " by " + who + ". If you did not ask for this, tell HR.";
}
}  // namespace

const Registry& no_features() {
    static const Registry none;
    return none;
}

App::App(Platform& platform, const Registry& features) : platform_(platform), features_(features) {}
App::~App() { sync_.reset(); }

bool App::taken_over() const {
    const auto& takeover = features_.device_takeover();
    return takeover && takeover->active();
}

std::string App::today() { return iso_from_millis(platform_.now_millis()); }

void App::update() {
    platform_.poll();
    if (!storage_ready_) {
        if (!platform_.ready()) return;
        storage_ready_ = true;
        // A kiosk stays a kiosk across restarts: nobody's session is opened on it.
        const auto& takeover = features_.device_takeover();
        if (!takeover || !takeover->resume(platform_)) load_saved_session();
    }
    if (taken_over()) {
        features_.device_takeover()->tick(platform_);
        persist_if_needed();
        return;
    }
    if (!replica_) {
        persist_if_needed();  // a sign-out's last commits and the removed session file
        return;
    }
    const bool online = platform_.online();
    if (online && !was_online_) sync_.request_soon();  // back online: do not wait for the next round
    was_online_ = online;
    page_hidden_ = false;  // drawing again
    for (int steps = platform_.take_history_back(); steps > 0; --steps) step_back();
    if (sealing_.due()) {  // asked for before the last frame, which showed "Unlocking…"
        if (auto record = sealing_.run_pending(user_->id, replica_->new_record_id()))
            edit("sealing_key", record->record_id, record->fields);
        views_stale_ = views_urgent_ = true;
    }
    drafts_.commit(platform_.now_millis(), false, [this](TextDraft& draft) { return commit_text(draft); });
    sync_.tick(platform_, *replica_, user_->token, [this] { data_changed(); });
    // While a pull is applied page by page, views are rebuilt once when the round is over (the status bar
    // counts the progress meanwhile), or at once when the person acted; rebuilding after every page would
    // cost more than the pull itself. Flushing waits a few seconds then too (persist_if_needed).
    if (views_stale_ && (views_urgent_ || !catching_up())) {
        views_urgent_ = false;
        sealing_.refresh(*store_, user_->id);
        const std::string day = today();
        directory_.rebuild(*store_);
        features_.rebuild_views(ViewSource{*store_, user_->id, user_->role, day, sealing_, directory_});
        ++views_version_;
        pending_changes_ = store_->outbox_pending();
        refused_.clear();
        for (auto& entry : store_->outbox(1000))
            if (!entry.problem_code.empty()) refused_.push_back(entry);
        views_stale_ = false;
    }
    features_.run_background(*this);
    persist_if_needed();
}

// Every write to the store (edits, pulled changes, cursor) must reach persistent storage.
void App::data_changed() {
    ++committed_generation_;
    views_stale_ = true;
}

bool App::catching_up() const {
    return sync_.state() == SyncEngine::State::Pulling || sync_.state() == SyncEngine::State::Pushing;
}

void App::persist_if_needed() {
    if (persisting_ || saved_generation_ >= committed_generation_) return;
    // The user's own edits are flushed at once; pulled data can wait (it can be pulled again, and the
    // cursor lives in the same file, so a lost flush only repeats a pull).
    const uint64_t now = platform_.now_millis();
    const bool user_waiting = saved_generation_ < last_edit_generation_;
    if (!user_waiting && !page_hidden_ && catching_up() && now - last_persist_ms_ < 10000) return;
    last_persist_ms_ = now;
    persisting_ = true;
    const uint64_t generation = committed_generation_;
    platform_.persist([this, generation](bool ok) {
        persisting_ = false;
        save_failed_ = !ok;
        if (ok) saved_generation_ = generation;
        if (ok)
            typing_not_durable_.erase(std::remove_if(typing_not_durable_.begin(), typing_not_durable_.end(),
                                                     [generation](const auto& typed) { return typed.first <= generation; }),
                                      typing_not_durable_.end());
        if (ok && note_generation_ && generation >= note_generation_ && user_) {
            platform_.write_note(unsaved_note_key(), "");  // what it held is durable in the store now
            note_generation_ = 0;
        }
        // Edits made while this one ran are flushed at once rather than at the next frame (a hidden page draws
        // none). A failed flush is tried again by the next frame, not in a loop here.
        if (ok || page_hidden_) persist_if_needed();
    });
}

Json App::draft_edit(const TextDraft& draft) const {
    Json fields = draft.create_fields.is_object() ? draft.create_fields : Json::object();
    const EntitySpec* spec = find_entity(draft.entity);
    const FieldSpec* field = spec ? spec->field(draft.field) : nullptr;
    if (field && field->shape == is_sealed_text) {
        if (sealing_.state() != NoteSealing::State::Unlocked) return Json();
        fields[draft.field] = sealing_.seal(draft.text);
    } else {
        fields[draft.field] = draft.text;
    }
    return fields;
}

bool App::commit_text(TextDraft& draft) {
    if (!replica_) return false;
    Json fields = draft_edit(draft);
    if (!fields.is_object() || !write_draft(draft.entity, draft.record_id, fields)) return false;
    // The note holds exactly what is committed (sealed text included, one ciphertext), so a note whose
    // flush did finish matches the store and is not applied again on the next start.
    // A field typed into across several pauses keeps one entry, its newest text.
    typing_not_durable_.erase(std::remove_if(typing_not_durable_.begin(), typing_not_durable_.end(),
                                             [&draft](const auto& typed) {
                                                 return typed.second["record_id"] == draft.record_id &&
                                                        typed.second["field"] == draft.field;
                                             }),
                              typing_not_durable_.end());
    typing_not_durable_.emplace_back(committed_generation_, Json{{"entity", draft.entity},
                                                                 {"record_id", draft.record_id},
                                                                 {"field", draft.field},
                                                                 {"fields", fields}});
    return true;
}

namespace {
std::string device_draft_key(const std::string& form_id, const std::string& field) {
    return "draft/" + form_id + "/" + field;
}
}  // namespace

bool App::write_draft(const std::string& entity, const std::string& record_id, const Json& fields) {
    if (entity != kDeviceDraftEntity) return !edit(entity, record_id, fields).problem;
    for (const auto& [field, value] : fields.items())
        if (value.is_string()) {
            const std::string key = device_draft_key(record_id, field);
            store_->set_setting(key, value.get<std::string>());
            device_drafts_[key] = value.get<std::string>();
        }
    data_changed();
    last_edit_generation_ = committed_generation_;
    return true;
}

std::string App::device_draft(const std::string& form_id, const std::string& field) {
    if (!store_) return "";
    const std::string key = device_draft_key(form_id, field);
    auto it = device_drafts_.find(key);
    if (it == device_drafts_.end()) it = device_drafts_.emplace(key, store_->setting(key).value_or("")).first;
    return it->second;
}

void App::clear_device_drafts(const std::string& form_id, const std::vector<std::string>& fields) {
    Json cleared = Json::object();
    for (const auto& field : fields) cleared[field] = "";
    write_draft(kDeviceDraftEntity, form_id, cleared);
}

void App::commit_draft(TextDraft& draft) {
    drafts_.commit_one(draft, [this](TextDraft& d) { return commit_text(d); });
}

// Committing is synchronous but the flush to IndexedDB is not, and a closing tab may die before it ends.
// So the typing committed here is also written to a small synchronous note, read back on the next start.
void App::page_hidden() {
    if (!replica_) return;
    page_hidden_ = true;
    drafts_.commit(platform_.now_millis(), true, [this](TextDraft& draft) { return commit_text(draft); });
    // Everything typed whose flush has not finished, including typing committed by an earlier pause whose
    // flush is still running: the page may be gone before any of those flushes ends.
    if (!typing_not_durable_.empty()) {
        Json unsaved = Json::array();
        for (const auto& typed : typing_not_durable_) unsaved.push_back(typed.second);
        platform_.write_note(unsaved_note_key(), unsaved.dump());
        note_generation_ = committed_generation_;
    }
    persist_if_needed();
}

// Typing the last page kept in its note when it closed before its flush ended. Applied only where the store
// does not already hold it, so a note whose flush did finish changes nothing.
void App::recover_unsaved_typing() {
    Json unsaved = Json::parse(platform_.read_note(unsaved_note_key()), nullptr, false);
    if (!unsaved.is_array()) return;
    for (const auto& entry : unsaved) {
        if (!entry.is_object() || !entry["fields"].is_object()) continue;
        const std::string entity = entry.value("entity", ""), record_id = entry.value("record_id", "");
        if (entity == kDeviceDraftEntity) {
            write_draft(entity, record_id, entry["fields"]);
            continue;
        }
        auto stored = store_->load(record_id);
        if (stored && stored->state.deleted) continue;
        bool differs = !stored;
        for (const auto& [field, value] : entry["fields"].items())
            differs = differs || stored->state.value(field) != value;
        if (differs) edit(entity, record_id, entry["fields"]);
    }
    note_generation_ = committed_generation_ + 1;  // cleared by the next flush
    ++committed_generation_;
}

void App::load_saved_session() {
    std::ifstream file(session_path(platform_));
    if (!file) return;
    std::stringstream text;
    text << file.rdbuf();
    Json saved = Json::parse(text.str(), nullptr, false);
    if (!saved.is_object() || !saved.contains("id")) return;
    SignedInUser user{saved.value("token", ""), saved.value("id", ""), saved.value("name", "")};
    if (!parse_role(saved.value("role", ""), user.role)) return;  // a file from no build of ours: sign in again
    open_store_for(user);
}

void App::write_saved_session() {
    std::ofstream file(session_path(platform_), std::ios::trunc);
    if (user_)
        file << Json{{"token", user_->token}, {"id", user_->id}, {"name", user_->name}, {"role", to_string(user_->role)}}.dump();
    file.close();
    ++committed_generation_;  // the session file is persisted with the next flush
}

void App::open_store_for(const SignedInUser& user) {
    const bool same_user = user_ && user_->id == user.id && store_;
    user_ = user;
    if (!same_user) {
        sync_.reset();
        replica_.reset();
        // One database per user, so a shared device never mixes two people's data.
        device_drafts_.clear();  // another user's store
        const std::string path = platform_.data_dir() + "/tandem-" + user.id + ".db";
        // A store already here was read from durable storage (the page loads IndexedDB before main runs),
        // or is covered by a flush still running, which saving() waits for through last_edit_generation_.
        store_held_work_ = std::ifstream(path).good();
        if (store_held_work_) last_edit_generation_ = std::max(last_edit_generation_, committed_generation_);
        store_ = std::make_unique<Store>(path, StoreOptions{false, false, true});
        figures_.attach(store_.get(), [this] { ++committed_generation_; });  // kept for offline reading
        replica_ = std::make_unique<Replica>(*store_, user.id, [this] { return platform_.now_millis(); });
        recover_unsaved_typing();
    }
    show_only(home());
    views_stale_ = true;
}

ScreenId App::home() const {
    if (!user_) return kSignInScreen;
    return features_.home_for(user_->role).value_or(kSignInScreen);
}

void App::show_only(const ScreenId& screen) {
    back_stack_.clear();
    place_ = Place{screen, nullptr};
    platform_.history_reset();  // the browser's entries of the screens before lead nowhere now
}

void App::enter(Place place) {
    place_ = std::move(place);
    if (place_.select) place_.select(*this);
    const ScreenSpec* spec = features_.screen(place_.screen);
    if (spec && spec->on_open) spec->on_open(*this);
}

void App::open_screen(const ScreenId& screen, Selection select) {
    const ScreenSpec* spec = features_.screen(screen);
    if (!user_ || !spec || !spec->open_to(user_->role)) return;
    if (screen != place_.screen && place_.screen != kSignInScreen) {
        back_stack_.push_back(place_);
        platform_.history_step();
        // A long session of back and forth must not grow without end: the oldest steps go first.
        if (back_stack_.size() > 64) back_stack_.erase(back_stack_.begin());
    }
    enter(Place{screen, std::move(select)});
}

void App::go_back() {
    if (back_stack_.empty()) return show_only(home());
    step_back();
    platform_.history_step_back();
}

void App::step_back() {
    if (back_stack_.empty()) return;  // the browser's older entries are from before a sign-in: stay
    Place previous = std::move(back_stack_.back());
    back_stack_.pop_back();
    enter(std::move(previous));
}

void App::sign_in(const std::string& email, const std::string& password) {
    if (email.empty() || password.empty()) {
        sign_in_error_ = "Enter your e-mail and password.";
        return;
    }
    request_session("/api/v1/session", Json{{"email", email}, {"password", password}});
}

void App::accept_invite(const std::string& token, const std::string& password) {
    if (token.empty() || password.empty()) {
        sign_in_error_ = "Paste the invitation from HR and choose a password.";
        return;
    }
    request_session("/api/v1/session/accept-invite", Json{{"invite_token", token}, {"password", password}});
}

void App::request_session(const std::string& path, const Json& body) {
    if (signing_in_) return;
    signing_in_ = true;
    sign_in_error_.clear();
    platform_.send(HttpRequest{"POST", path, body.dump(), ""}, [this](HttpResponse response) { signed_in(response); });
}

// The answer to a sign-in or an accepted invitation (the same body).
void App::signed_in(const HttpResponse& response) {
    signing_in_ = false;
    Json body = Json::parse(response.body, nullptr, false);
    if (response.status == 200 && body.is_object()) {
        const Json& user = body["user"];
        SignedInUser signed_in{body.value("token", ""), user.value("id", ""), user.value("name", "")};
        parse_role(user.value("role", ""), signed_in.role);  // an unknown role gets the least: employee
        open_store_for(signed_in);
        write_saved_session();
        sign_in_form_ = SignInForm{};
        sync_.signed_in_again();
        if (body.contains("password_reset") && body["password_reset"].is_object())
            notice_ = password_reset_notice(body["password_reset"]);
        return;
    }
    if (response.status == 0)
        sign_in_error_ = "Cannot reach the server. Signing in needs a connection once; after that Tandem works "
                         "offline.";
    else if (body.is_object() && body.contains("error"))
        sign_in_error_ = body["error"].value("message", std::string("Sign-in failed."));
    else
        sign_in_error_ = "Sign-in failed (server answered " + std::to_string(response.status) + ").";
}

void App::sign_out() {
    // Typing not yet committed stays with this user's data on the device, like every queued change.
    drafts_.commit(platform_.now_millis(), true, [this](TextDraft& draft) { return commit_text(draft); });
    if (user_ && !user_->token.empty())
        platform_.send(HttpRequest{"DELETE", "/api/v1/session", "", user_->token}, [](HttpResponse) {});
    sync_.reset();
    replica_.reset();
    store_.reset();
    user_.reset();
    store_held_work_ = false;
    std::remove(session_path(platform_).c_str());
    sign_in_form_ = SignInForm{};
    ++committed_generation_;
    show_only(kSignInScreen);
    directory_ = PeopleDirectory{};
    views_version_ = 0;  // "views built" means this person's views from now on
    figures_.forget();
    drafts_.clear();
    typing_not_durable_.clear();
    device_drafts_.clear();
    sealing_.forget();
    session_platform_.end_session();  // an answer still on its way would land in the next person's screens
    forget_per_user_state();  // what every feature keeps: forms, searches, its read models
}

EditResult App::edit(const std::string& entity, const std::string& record_id, const Json& fields, bool deleted) {
    EditResult result = replica_->edit(entity, record_id, fields, deleted);
    if (result.problem) {
        notice_ = result.problem->message;
        return result;
    }
    data_changed();
    views_urgent_ = true;
    last_edit_generation_ = committed_generation_;
    sync_.request_soon();
    return result;
}

} // namespace tandem::client
