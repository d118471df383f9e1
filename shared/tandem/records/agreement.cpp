// Manager agreements (product.md capability 7): HR drafts the letter, the manager and HR write versions of
// its commitments, comment, and each sign a version. Versions and signatures are permanent and every field
// of them fixed, so what was signed can always be shown; adherence is computed in agreements.h.
#include "tandem/agreements.h"
#include "tandem/policy.h"
#include "tandem/records/records.h"

namespace tandem {

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
        return s;
    }();
    return spec;
}

} // namespace tandem
