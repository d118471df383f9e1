// Manager agreements (docs/api.md, Agreements): HR drafts the letter, the manager and HR write versions of its
// commitments, comment, and each sign a version. Versions and signatures are permanent and every field of them
// fixed, so what was signed can always be shown; adherence is computed in agreements.h.
#include "tandem/partnership/agreements.h"
#include "tandem/sync/policy.h"
#include "tandem/partnership/records.h"

namespace tandem {

namespace {

// A signature's day is the signer's device's day, so a device that signed offline keeps it; but it must lie
// between the day the signed version was written and the server's today. A day in the future would keep the
// new commitments from ever being judged (adherence counts from the later signature).
std::optional<Problem> signature_rule(const RuleContext& rule) {
    if (rule.existing || rule.change.deleted) return std::nullopt;  // every field is fixed after creation
    const std::string signed_on = rule.after("signed_on").is_string() ? rule.after("signed_on").get<std::string>()
                                                                      : std::string();
    auto version = rule.load(rule.after("version_id").is_string() ? rule.after("version_id").get<std::string>()
                                                                  : std::string());
    if (!version) return Problem{"invalid_change", "\"version_id\" must name an agreement version"};
    if (Json(version->text("agreement_id")) != rule.after("agreement_id"))
        return Problem{"invalid_change", "the signed version belongs to another agreement"};
    const std::string written_on = version->written_on();
    if (signed_on > rule.today || (!written_on.empty() && signed_on < written_on))
        return Problem{"invalid_change", "\"signed_on\" must lie between the day the version was written (" +
                                             written_on + ") and today (" + rule.today + ")"};
    return std::nullopt;
}

}  // namespace

const EntitySpec& agreement_spec() {
    static const EntitySpec spec = [] {
        EntitySpec s{
            "agreement",
            {
                FieldSpec::person("manager_id").on_create().fixed(),
                FieldSpec::text("title", 200).on_create(),
            },
            SubjectRule::PersonField,
            "manager_id",
            WriteRule::HrOnly,
            ReadRule::SubjectOrHr,
        };
        s.role_fields = {{"manager_id", Role::Manager}};
        return s;
    }();
    return spec;
}

// One whole version of the commitments: a draft by HR or an amendment by the manager.
const EntitySpec& agreement_version_spec() {
    static const EntitySpec spec = [] {
        EntitySpec s{
            "agreement_version",
            {
                FieldSpec::record("agreement_id", "agreement").on_create().fixed(),
                FieldSpec::person("author_id").on_create().fixed(),
                FieldSpec::integer("number", 1, 1000).on_create().fixed(),
                FieldSpec::shaped_text("commitments", 20000, is_commitment_list,
                                       "must be a JSON list of commitments (key, text, metric, target)")
                    .on_create()
                    .fixed(),
                FieldSpec::text("note", 2000).fixed(),  // what changed and why
            },
            SubjectRule::ParentRecord,
            "agreement_id",
            WriteRule::SubjectOrHr,
            ReadRule::SubjectOrHr,
        };
        s.author_field = "author_id";
        s.permanent = true;
        return s;
    }();
    return spec;
}

const EntitySpec& agreement_comment_spec() {
    static const EntitySpec spec = [] {
        EntitySpec s{
        "agreement_comment",
        {
            FieldSpec::record("agreement_id", "agreement").on_create().fixed(),
            FieldSpec::person("author_id").on_create().fixed(),
            FieldSpec::record("version_id", "agreement_version").with_null().fixed(),
            FieldSpec::text("commitment_key", 40),
            FieldSpec::text("text", 4000).on_create(),
        },
        SubjectRule::ParentRecord,
        "agreement_id",
        WriteRule::SubjectOrHr,
        ReadRule::SubjectOrHr,
        };
        s.author_field = "author_id";
        return s;
    }();
    return spec;
}

// "I sign this version": the signer is the writer; the manager's side when the signer is the agreement's
// manager, HR's otherwise (only those two may write here).
const EntitySpec& agreement_signature_spec() {
    static const EntitySpec spec = [] {
        EntitySpec s{
            "agreement_signature",
            {
                FieldSpec::record("agreement_id", "agreement").on_create().fixed(),
                FieldSpec::record("version_id", "agreement_version").on_create().fixed(),
                FieldSpec::person("signer_id").on_create().fixed(),
                FieldSpec::date("signed_on").on_create().fixed(),
            },
            SubjectRule::ParentRecord,
            "agreement_id",
            WriteRule::SubjectOrHr,
            ReadRule::SubjectOrHr,
        };
        s.author_field = "signer_id";
        s.permanent = true;
        s.record_rule = signature_rule;
        return s;
    }();
    return spec;
}

} // namespace tandem
