// A point on a 1:1's agenda: the manager's own, a prompt taken from a template or playbook, or one the report
// added before the meeting. Ticked off when discussed; `position` orders the agenda. Belongs to its check-in
// like an action item does. A report may add a point before their next 1:1 is planned: it then names the
// report and the manager it is for (`report_id`, `with_id`) and is addressed to that manager, who puts it on
// the 1:1 when they prepare it (`checkin_id` is set once, never moved). Either way the other side reads it;
// only its author changes its words.
#include "tandem/one_on_ones/records.h"
#include "tandem/sync/policy.h"

namespace tandem {

namespace {
std::string text_of(const Json& value) { return value.is_string() ? value.get<std::string>() : std::string(); }

// Whom a point is for besides its author: the manager of the 1:1 it is on, or the one named for the next.
std::string agenda_holder(const Json& fields, const RecordMeta* checkin) {
    if (!text_of(fields.value("checkin_id", Json())).empty()) return checkin ? checkin->author_id : std::string();
    return text_of(fields.value("with_id", Json()));
}

std::optional<Problem> agenda_rule(const RuleContext& rule) {
    const std::string checkin_id = text_of(rule.after("checkin_id"));
    if (rule.existing) {
        const std::string was = text_of(rule.before("checkin_id"));
        if (rule.change.fields.contains("checkin_id") && !was.empty() && was != checkin_id)
            return Problem{"invalid_change", "a talking point stays on the 1:1 it was added to"};
        if (rule.change.fields.contains("checkin_id") && checkin_id.empty())
            return Problem{"invalid_change", "a talking point stays on the 1:1 it was added to"};
    } else if (!checkin_id.empty() &&
               (!text_of(rule.after("report_id")).empty() || !text_of(rule.after("with_id")).empty())) {
        return Problem{"invalid_change", "\"report_id\" and \"with_id\" name the 1:1 of a point not on one yet"};
    }
    if (checkin_id.empty()) return std::nullopt;
    const auto checkin = rule.load(checkin_id);
    if (!checkin) return std::nullopt;  // the sync service refuses a missing check-in with one answer for all
    const std::string report = checkin->text("report_id");
    // A point moved onto a 1:1 must be about that 1:1's report.
    if (rule.existing && !text_of(rule.before("report_id")).empty() && text_of(rule.before("report_id")) != report)
        return Problem{"invalid_change", "a talking point goes on a 1:1 with the report who added it"};
    // The report prepares a 1:1 still to come; once held, its agenda is a record of what was discussed.
    const bool held = checkin->text("status") != "planned";
    if (rule.writer_id == report && held) {
        const bool only_done = !rule.change.deleted && rule.existing && rule.change.fields.size() == 1 &&
                               rule.change.fields.contains("done");
        if (!only_done)
            return Problem{"forbidden", "this 1:1 has taken place, so its agenda stays as it was: add the point "
                                        "to your next 1:1"};
    }
    return std::nullopt;
}
}  // namespace

const EntitySpec& talking_point_spec() {
    static const EntitySpec spec = [] {
        EntitySpec s{
            "talking_point",
            {
                FieldSpec::record("checkin_id", "checkin").with_null(),
                FieldSpec::text("text", 1000).on_create(),
                FieldSpec::integer("position", 0, 1000000).on_create(),
                FieldSpec::boolean("done"),
                FieldSpec::text("source", 200),  // where a prompt came from ("Career development v2"); empty: own
                FieldSpec::record("guide_version_id", "guide_version").with_null().fixed(),  // the version used
                FieldSpec::person("report_id").with_null().fixed(),  // a point for a 1:1 not planned yet
                FieldSpec::person("with_id").with_null().fixed(),    // ... and the manager it is for
            },
            SubjectRule::ParentRecord,
            "checkin_id",
            WriteRule::AgendaMember,
            ReadRule::OneToOne,
        };
        s.addressee = agenda_holder;
        s.unattached_subject_field = "report_id";
        s.record_rule = agenda_rule;
        return s;
    }();
    return spec;
}

} // namespace tandem
