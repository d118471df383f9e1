// Feedback between colleagues (docs/api.md, Feedback and recognition): praise or something to work on, in the
// situation - behaviour - impact form with a next step, tagged with one of HR's values. Feedback is private to
// its giver or shared with the person it is about; public praise is a recognition (recognition.cpp), a separate
// type because everyone reads those and nobody but two people reads these.
// Managers, mentors and HR give it; an employee reads what was shared with them and the answers to what they
// asked, and gives praise as a recognition instead.
#include "tandem/sync/policy.h"
#include "tandem/feedback/records.h"

namespace tandem {

namespace {

std::string text_of(const Json& fields, const char* name) {
    auto it = fields.find(name);
    return it != fields.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Shared feedback is addressed to the person it is about; an answer to a request goes to whoever asked
// (they may be that person's manager, who passes it on in a 1:1); private feedback to nobody.
std::string feedback_addressee(const Json& fields, const RecordMeta* request) {
    if (!text_of(fields, "request_id").empty()) return request ? request->author_id : std::string();
    return text_of(fields, "visibility") == "shared" ? text_of(fields, "about_id") : std::string();
}

std::string request_addressee(const Json& fields, const RecordMeta*) { return text_of(fields, "asked_id"); }

}  // namespace

std::vector<FieldSpec> situation_behaviour_impact() {
    return {
        FieldSpec::text("situation", 2000),
        FieldSpec::text("behaviour", 2000),
        FieldSpec::text("impact", 2000),
        FieldSpec::text("next_step", 2000),
    };
}

// A value HR wants people to recognise ("Says it early", "Leaves it better"); archived ones stay on the
// feedback that used them but are no longer offered.
const EntitySpec& value_tag_spec() {
    static const EntitySpec spec{
        "value_tag",
        {
            FieldSpec::text("name", 80).on_create(),
            FieldSpec::text("description", 500),
            FieldSpec::boolean("archived"),
        },
        SubjectRule::Self,
        "",
        WriteRule::HrOnly,
        ReadRule::Everyone,
    };
    return spec;
}

const EntitySpec& feedback_spec() {
    static const EntitySpec spec = [] {
        EntitySpec s{
            "feedback",
            {
                FieldSpec::person("from_id").on_create().fixed(),
                FieldSpec::person("about_id").on_create().fixed(),
                FieldSpec::choice("kind", {"praise", "constructive"}).on_create(),
                FieldSpec::choice("visibility", {"private", "shared"}).on_create().fixed(),
                FieldSpec::record("value_tag_id", "value_tag").with_null(),
                FieldSpec::record("request_id", "feedback_request").with_null().fixed(),
                FieldSpec::date("given_on").on_create(),
            },
            SubjectRule::PersonField,
            "about_id",
            WriteRule::Giver,
            ReadRule::AuthorOrAddressee,
        };
        for (auto& field : situation_behaviour_impact()) s.fields.push_back(field);
        s.author_field = "from_id";
        s.addressee = feedback_addressee;
        s.linked_field = "request_id";
        return s;
    }();
    return spec;
}

// "Tell me how I (or my report) came across": a to-do for the person asked until they answer it with
// feedback (request_id) or decline it. Who asks (shared/tandem/sync/policy.cpp, may_request): a manager, about
// themself or their tree, of a manager, mentor or HR; an employee, about themself, of their own manager only.
const EntitySpec& feedback_request_spec() {
    static const EntitySpec spec = [] {
        EntitySpec s{
            "feedback_request",
            {
                FieldSpec::person("from_id").on_create().fixed(),
                FieldSpec::person("asked_id").on_create().fixed(),
                FieldSpec::person("about_id").on_create().fixed(),
                FieldSpec::text("question", 1000).on_create(),
                FieldSpec::date("asked_on").on_create(),
                FieldSpec::boolean("declined").by_addressee(),
                FieldSpec::text("decline_reason", 500).by_addressee(),
            },
            SubjectRule::PersonField,
            "about_id",
            WriteRule::Requester,
            ReadRule::AuthorOrAddressee,
        };
        s.author_field = "from_id";
        s.addressee = request_addressee;
        return s;
    }();
    return spec;
}

} // namespace tandem
