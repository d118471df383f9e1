// A follow-up agreed in a check-in. It belongs to its check-in (and so to the check-in's author and report);
// open items roll into the next 1:1, computed when that meeting is opened, never copied. `done_in` names
// the later 1:1 where a carried item was ticked, so that 1:1 keeps it (and can undo it). The report reads
// the items of their 1:1s and ticks off the ones they own.
#include "tandem/one_on_ones/records.h"

namespace tandem {

namespace {
// Policy lets the report set `done` alone; whether the item is theirs needs the item as it stands.
std::optional<Problem> owner_ticks(const RuleContext& rule) {
    if (rule.author_id.empty() || rule.writer_id == rule.author_id) return std::nullopt;
    const Json owner = rule.before("owner_id");
    if (!owner.is_string() || owner.get<std::string>() != rule.writer_id)
        return Problem{"forbidden", "only the owner of an action item ticks it off; this one is not yours"};
    return std::nullopt;
}
}  // namespace

const EntitySpec& action_item_spec() {
    static const EntitySpec spec = [] {
        EntitySpec s{
            "action_item",
            {
                FieldSpec::record("checkin_id", "checkin").on_create().fixed(),
                FieldSpec::text("text", 2000).on_create(),
                FieldSpec::person("owner_id").with_null(),
                FieldSpec::date("due_on").with_null(),
                FieldSpec::boolean("done"),
                FieldSpec::record("done_in", "checkin").with_null(),
            },
            SubjectRule::ParentRecord,
            "checkin_id",
            WriteRule::AuthorOfParent,
            ReadRule::OneToOne,
        };
        s.record_rule = owner_ticks;
        return s;
    }();
    return spec;
}

} // namespace tandem
