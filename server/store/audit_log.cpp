#include "store/audit_log.h"

#include <ctime>

namespace tandem::server {

std::string iso_utc(int64_t seconds) {
    const std::time_t time = std::time_t(seconds);
    std::tm parts{};
    gmtime_r(&time, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return text;
}

void record_audit(Store& writer, const std::string& actor_id, const std::string& action,
                  const std::optional<std::string>& target_id, const Json& details, int64_t now_seconds) {
    Statement insert(writer.database(),
                     "INSERT INTO audit_log(at, actor_id, action, target_id, details) VALUES (?, ?, ?, ?, ?)");
    insert.bind(1, iso_utc(now_seconds)).bind(2, actor_id).bind(3, action);
    if (target_id) insert.bind(4, *target_id);
    else insert.bind_null(4);
    insert.bind(5, details.dump()).run();
}

AuditPage read_audit(Store& reader, int64_t since, int limit, const std::string& action) {
    Statement query(reader.database(),
                    action.empty() ? "SELECT seq, at, actor_id, action, target_id, details FROM audit_log "
                                     "WHERE seq > ?1 ORDER BY seq LIMIT ?2"
                                   : "SELECT seq, at, actor_id, action, target_id, details FROM audit_log "
                                     "WHERE seq > ?1 AND action = ?3 ORDER BY seq LIMIT ?2");
    query.bind(1, since).bind(2, int64_t(limit) + 1);
    if (!action.empty()) query.bind(3, action);
    AuditPage page;
    page.cursor = since;
    int rows = 0;
    while (query.step()) {
        if (++rows > limit) {
            page.more = true;
            break;
        }
        page.cursor = query.integer(0);
        page.entries.push_back(Json{{"seq", query.integer(0)},
                                    {"at", query.text(1)},
                                    {"actor_id", query.text(2)},
                                    {"action", query.text(3)},
                                    {"target_id", query.is_null(4) ? Json() : Json(query.text(4))},
                                    {"details", Json::parse(query.text(5))}});
    }
    query.reset();
    return page;
}

} // namespace tandem::server
