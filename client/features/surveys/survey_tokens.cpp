#include "features/surveys/survey_tokens.h"

#include <sodium.h>

#include "feature_api/context.h"
#include "features/surveys/surveys.h"
#include "tandem/base/random_tokens.h"
#include "tandem/surveys/blind_tokens.h"

namespace tandem::client {

namespace {

constexpr uint64_t kRetryMillis = 30'000;  // offline or the server busy: try again later, quietly

using State = SurveyToken::State;

std::string kept_key(const std::string& survey_id) { return "survey-token/" + survey_id; }

const char* state_name(State state) {
    switch (state) {
    case State::Ready: return "ready";
    case State::Waiting: return "waiting";
    case State::Answered: return "answered";
    case State::NotInvited: return "not_invited";
    case State::Elsewhere: return "elsewhere";
    case State::Refused: return "refused";
    default: return "";
    }
}

State state_named(const std::string& name) {
    for (State state : {State::Ready, State::Waiting, State::Answered, State::NotInvited, State::Elsewhere, State::Refused})
        if (name == state_name(state)) return state;
    return State::Unknown;
}

std::string error_code_of(const HttpResponse& response) {
    Json body = Json::parse(response.body, nullptr, false);
    return body.is_object() && body.contains("error") && body["error"].is_object() ? body["error"].value("code", "")
                                                                                     : "";
}

std::string bytes_field(const Json& body, const char* name) {
    return body.contains(name) && body[name].is_string() ? body[name].get<std::string>() : "";
}

}  // namespace

const SurveyToken* SurveyTokens::find(const std::string& survey_id) const {
    auto it = by_survey.find(survey_id);
    return it == by_survey.end() ? nullptr : &it->second;
}

void SurveyTokens::load(Context& ctx, const std::string& survey_id) {
    SurveyToken& token = by_survey[survey_id];
    const Json& kept = ctx.figures().get(kept_key(survey_id)).body;
    if (!kept.is_object()) return;
    token.state = state_named(kept.value("state", ""));
    token.group = kept.value("group", "");
    token.public_key = kept.value("public_key", "");
    token.token_input = kept.value("token_input", "");
    token.token = kept.value("token", "");
    token.answers = kept.value("answers", Json());
    token.message = kept.value("message", "");
}

// In the person's own store, which only this device reads: the token never goes anywhere but its redemption.
void SurveyTokens::keep(Context& ctx, const std::string& survey_id) {
    const SurveyToken& token = by_survey[survey_id];
    Json body{{"state", state_name(token.state)}, {"message", token.message}};
    // Once answered, the token has done its work: the device forgets it and keeps only that it answered.
    if (token.state == State::Ready || token.state == State::Waiting || token.state == State::Refused) {
        body["group"] = token.group;
        body["public_key"] = token.public_key;
        body["token_input"] = token.token_input;
        body["token"] = token.token;
    }
    if (token.state == State::Waiting) body["answers"] = token.answers;
    ctx.figures().keep(kept_key(survey_id), body, ctx.today());
}

void SurveyTokens::tick(Context& ctx) {
    const std::string today = ctx.today();
    const uint64_t now = ctx.platform().now_millis();
    for (const auto& survey : surveys_on_device().surveys) {
        // A training session's survey is answered at the session's kiosk, by the people who were there.
        if (survey.phase(today) != "open" || !survey.training_session_id.empty()) continue;
        if (!by_survey.count(survey.survey_id)) load(ctx, survey.survey_id);
        SurveyToken& token = by_survey[survey.survey_id];
        if (token.in_flight || now < token.next_try_ms) continue;
        if (token.state == State::Unknown) fetch(ctx, survey.survey_id);
        else if (token.state == State::Waiting) send(ctx, survey.survey_id);
    }
}

// Blind issuance: the published keys first, then the token; the proof must verify under the key published
// for the person's team, else the token could be one made to recognise this person alone.
void SurveyTokens::fetch(Context& ctx, const std::string& survey_id) {
    SurveyToken& token = by_survey[survey_id];
    token.in_flight = true;
    token.state = State::Asking;
    const std::string path = "/api/v1/surveys/" + survey_id;
    const std::string session = ctx.user().token;
    auto retry = [this, &ctx, survey_id](const std::string& message) {
        SurveyToken& again = by_survey[survey_id];
        again.in_flight = false;
        again.state = State::Unknown;
        again.message = message;
        again.next_try_ms = ctx.platform().now_millis() + kRetryMillis;
    };
    auto settle = [this, &ctx, survey_id](State state, const std::string& message) {
        SurveyToken& done = by_survey[survey_id];
        done.in_flight = false;
        done.state = state;
        done.message = message;
        keep(ctx, survey_id);
    };
    ctx.platform().send(HttpRequest{"GET", path + "/token-keys", "", session}, [=, &ctx](HttpResponse keys_response) {
        if (keys_response.status == 403) return settle(State::NotInvited, "");
        Json published = Json::parse(keys_response.body, nullptr, false);
        if (keys_response.status != 200 || !published.is_object())
            return retry(server_error_text(keys_response.status, keys_response.body));
        std::string input(32, '\0');
        ensure_sodium_ready();
        randombytes_buf(input.data(), input.size());
        auto blinded = voprf::blind(input);
        if (!blinded) return retry("Could not prepare this survey's token.");
        const Json request{{"blinded_element", voprf::to_base64url(blinded->blinded_element)}};
        ctx.platform().send(
            HttpRequest{"POST", path + "/token", request.dump(), session},
            [=, &ctx](HttpResponse response) {
                const std::string code = error_code_of(response);
                if (response.status == 403) return settle(State::NotInvited, "");
                if (code == "already_issued")
                    return settle(State::Elsewhere, "This survey's one token went to another of your devices: "
                                                    "answer it there.");
                Json body = Json::parse(response.body, nullptr, false);
                if (response.status != 200 || !body.is_object())
                    return retry(server_error_text(response.status, response.body));
                const std::string group = bytes_field(body, "group"), key_text = bytes_field(body, "public_key");
                bool published_key = false;
                for (const auto& key : published.value("keys", Json::array()))
                    published_key |= key.value("group", "") == group && key.value("public_key", "") == key_text;
                auto public_key = voprf::from_base64url(key_text, voprf::kElementBytes);
                auto evaluated = voprf::from_base64url(bytes_field(body, "evaluated_element"), voprf::kElementBytes);
                auto proof = voprf::from_base64url(bytes_field(body, "proof"), voprf::kProofBytes);
                std::optional<std::string> output;
                if (published_key && public_key && evaluated && proof)
                    output = voprf::finalize(input, blinded->blind, *evaluated, blinded->blinded_element, *public_key,
                                             *proof);
                if (!output)
                    return settle(State::Refused, "The server's key for your team is not the one it publishes, so "
                                                  "an answer from this device could be recognised. Nothing was sent.");
                SurveyToken& ready = by_survey[survey_id];
                ready.group = group;
                ready.public_key = key_text;
                ready.token_input = voprf::to_base64url(input);
                ready.token = voprf::to_base64url(*output);
                settle(State::Ready, "");
            });
    });
}

void SurveyTokens::submit(Context& ctx, const std::string& survey_id, const Json& answers) {
    SurveyToken& token = by_survey[survey_id];
    const bool usable = token.state == State::Ready || (token.state == State::Refused && !token.token.empty());
    if (!usable) return;
    token.state = State::Waiting;
    token.answers = answers;
    token.message.clear();
    token.next_try_ms = 0;
    keep(ctx, survey_id);  // on the device before anything is sent: an offline answer survives a reload
}

// Sent with no session at all: the request carries the token and the answers, nothing that names the person.
void SurveyTokens::send(Context& ctx, const std::string& survey_id) {
    SurveyToken& token = by_survey[survey_id];
    token.in_flight = true;
    const Json body{{"group", token.group},
                    {"token_input", token.token_input},
                    {"token", token.token},
                    {"answers", token.answers}};
    ctx.platform().send(
        HttpRequest{"POST", "/api/v1/surveys/" + survey_id + "/token-answers", body.dump(), ""},
        [this, &ctx, survey_id](HttpResponse response) {
            SurveyToken& sent = by_survey[survey_id];
            sent.in_flight = false;
            const std::string code = error_code_of(response);
            if (response.status == 201 || code == "already_answered") {
                // A resend after a lost answer finds its token spent: the answers were counted the first time.
                sent.state = State::Answered;
                sent.answers = Json();
                sent.token.clear();
                sent.token_input.clear();
                sent.message.clear();
            } else if (response.status == 0 || response.status == 429 || response.status >= 500) {
                sent.next_try_ms = ctx.platform().now_millis() + kRetryMillis;
                return;
            } else {
                // Refused with a reason the person can act on: the token stays for another try.
                sent.state = State::Refused;
                sent.message = server_error_text(response.status, response.body);
            }
            keep(ctx, survey_id);
        });
}

std::string token_status_text(const SurveyToken& token, bool online) {
    switch (token.state) {
    case State::Unknown:
    case State::Asking: return "Getting this survey's anonymous token…";
    case State::Ready: return "Ready to answer";
    case State::Waiting:
        return token.in_flight ? "Sending…" : online ? "Waiting to send — trying again shortly" : "Waiting to send — offline";
    case State::Answered: return "Answered — thank you; nobody can tell this answer is yours";
    case State::NotInvited: return "This survey does not ask your team";
    case State::Elsewhere:
    case State::Refused: return token.message;
    }
    return "";
}

} // namespace tandem::client
