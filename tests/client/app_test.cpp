// The app's promises about what is kept, without a browser: "Saving…" until a flush has finished, a failed
// flush said as such, nothing typed lost when the page is hidden while a flush is still running, and
// nothing typed surviving sign-out in memory. The platform is a fake the test drives by hand; the SQLite
// files are real.
#include <gtest/gtest.h>

#include "app/app.h"
#include "fake_platform.h"

namespace tandem::testing {
namespace {

class AppTest : public ::testing::Test {
protected:
    void SetUp() override {
        app.update();  // storage is ready: no saved session yet, the sign-in screen
        app.sign_in("manager1@demo.example", "tandem-demo");
        ASSERT_EQ(platform.sent.size(), 1u);
        const auto request = platform.answer(
            200, Json{{"token", "token-1"}, {"user", {{"id", kMaya}, {"name", "Maya Chen"}, {"role", "manager"}}}}.dump());
        ASSERT_EQ(request.path, "/api/v1/session");
        ASSERT_TRUE(app.signed_in());
        settle();
    }

    // Runs frames until nothing more is written; finishes the flushes they start and leaves requests waiting.
    void settle() {
        for (int frame = 0; frame < 10; ++frame) {
            app.update();
            while (!platform.flushes.empty()) platform.finish_flush(true);
        }
    }

    // A text field of a form not yet sent (kept on this device only), as a screen binds one.
    client::TextDraft& form_field(const std::string& text) {
        client::TextDraft& draft = app.drafts().field("give-feedback/behaviour", "");
        draft.entity = client::kDeviceDraftEntity;
        draft.record_id = "give-feedback";
        draft.field = "behaviour";
        draft.text = text;
        app.typed(draft);
        return draft;
    }

    FakePlatform platform;
    client::App app{platform};
};

TEST_F(AppTest, SavingUntilTheFlushHasFinishedAndAFailedFlushIsSaidAsSuch) {
    EXPECT_FALSE(app.saving());
    const std::string checkin = app.new_record_id();
    ASSERT_FALSE(app.edit("checkin", checkin, Json{{"report_id", kReport}, {"held_on", "2026-11-30"}}).problem);
    EXPECT_TRUE(app.saving()) << "committed to the store, not yet flushed";
    app.update();
    ASSERT_EQ(platform.flushes.size(), 1u) << "the user's own edit is flushed at once";
    EXPECT_TRUE(app.saving()) << "the flush is still running";
    platform.finish_flush(false);
    EXPECT_TRUE(app.save_failed());
    EXPECT_TRUE(app.saving()) << "a failed flush saved nothing";
    app.update();
    ASSERT_EQ(platform.flushes.size(), 1u) << "the next frame tries again";
    platform.finish_flush(true);
    EXPECT_FALSE(app.save_failed());
    EXPECT_FALSE(app.saving());
}

TEST_F(AppTest, TypingSaysSavingUntilItIsCommittedAfterThePauseAndFlushed) {
    form_field("You wrote the guide");
    EXPECT_TRUE(app.saving());
    app.update();
    EXPECT_TRUE(platform.flushes.empty()) << "nothing is committed inside the typing pause";
    platform.now += client::kDraftPauseMs;
    app.update();
    ASSERT_EQ(platform.flushes.size(), 1u) << "the pause committed the text and started a flush";
    EXPECT_TRUE(app.saving());
    platform.finish_flush(true);
    EXPECT_FALSE(app.saving());
    EXPECT_EQ(app.device_draft("give-feedback", "behaviour"), "You wrote the guide");
}

// Typing committed while the last flush still runs is flushed the moment that one ends: waiting for the next
// frame to start it would only delay "Saved on this device".
TEST_F(AppTest, TypingCommittedDuringAFlushIsFlushedAsSoonAsThatOneEnds) {
    client::TextDraft& draft = form_field("First thought");
    platform.now += client::kDraftPauseMs;
    app.update();
    ASSERT_EQ(platform.flushes.size(), 1u);
    draft.text = "First thought, and a second";
    app.typed(draft);
    platform.now += client::kDraftPauseMs;
    app.update();  // committed; its flush waits for the running one
    ASSERT_EQ(platform.flushes.size(), 1u);
    platform.finish_flush(true);
    ASSERT_EQ(platform.flushes.size(), 1u) << "the second commit's flush starts without waiting for a frame";
    EXPECT_TRUE(app.saving());
    platform.finish_flush(true);
    EXPECT_FALSE(app.saving());
}

TEST_F(AppTest, APageHiddenWhileAPausesFlushRunsKeepsThatTypingInItsNote) {
    form_field("Kept even if the tab dies now");
    platform.now += client::kDraftPauseMs;
    app.update();  // the pause commits the text; its flush is running
    ASSERT_EQ(platform.flushes.size(), 1u);
    ASSERT_TRUE(platform.notes.empty());
    app.page_hidden();  // nothing is dirty any more, but the flush may never finish: the note must hold it
    ASSERT_EQ(platform.notes.size(), 1u);
    EXPECT_NE(platform.notes.begin()->second.find("Kept even if the tab dies now"), std::string::npos);

    // The flush did finish after all: the note goes with the next one, since the store holds it now.
    while (!platform.flushes.empty()) platform.finish_flush(true);
    settle();
    EXPECT_TRUE(platform.notes.empty());
}

TEST_F(AppTest, AHiddenPageCommitsTypingInsideThePauseAndANewStartRecoversItFromTheNote) {
    form_field("Typed and closed at once");
    app.page_hidden();
    ASSERT_EQ(platform.notes.size(), 1u) << "written synchronously, before any flush";
    ASSERT_EQ(platform.flushes.size(), 1u);

    // The tab is gone before the flush ended: a new start on this device reads the note back.
    client::App restarted{platform};
    platform.flushes.clear();
    restarted.update();
    ASSERT_TRUE(restarted.signed_in());
    EXPECT_EQ(restarted.device_draft("give-feedback", "behaviour"), "Typed and closed at once");
}

// A reload (offline or not) reads the store back from durable storage: what was saved before still is, and
// the status bar must go on saying so rather than falling silent until the next edit.
TEST_F(AppTest, AfterARestartTheWorkTheDeviceHoldsIsSaidToBeSaved) {
    EXPECT_FALSE(app.has_saved_anything()) << "a first sign-in on this device has saved nothing yet";
    platform.is_online = false;
    const std::string checkin = app.new_record_id();
    ASSERT_FALSE(app.edit("checkin", checkin, Json{{"report_id", kReport}, {"held_on", "2026-11-30"}}).problem);
    settle();
    ASSERT_TRUE(app.has_saved_anything());
    ASSERT_FALSE(app.saving());

    client::App restarted{platform};
    restarted.update();
    ASSERT_TRUE(restarted.signed_in());
    EXPECT_FALSE(restarted.saving());
    EXPECT_TRUE(restarted.has_saved_anything()) << "the edit is on this device, read back from its storage";
    EXPECT_GT(restarted.changes_waiting(), 0) << "and still waiting to sync";
}

// Deriving the sealing key takes about a second on one thread: the frame after the click must be drawn
// (saying "Unlocking…" or "Setting up…") before the work freezes the screen.
TEST_F(AppTest, APassphraseIsWorkedOnOnlyAfterAFrameHasShownThatItIsBeingWorkedOn) {
    app.sealing().request_setup("a passphrase long enough");
    app.update();
    EXPECT_TRUE(app.sealing().busy()) << "this frame still has to show that the work is under way";
    EXPECT_EQ(app.sealing().state(), client::NoteSealing::State::NoKeyYet);
    app.update();
    EXPECT_FALSE(app.sealing().busy());
    EXPECT_EQ(app.sealing().state(), client::NoteSealing::State::Unlocked);
}

TEST_F(AppTest, SignOutLeavesNothingTypedInMemory) {
    client::TextDraft& draft = form_field("half a sentence");
    (void)draft;
    app.sign_out();
    EXPECT_FALSE(app.signed_in());
    EXPECT_FALSE(app.drafts().any_dirty());
    EXPECT_EQ(app.drafts().field("give-feedback/behaviour", "").text, "") << "the draft went with the session";
    EXPECT_TRUE(app.sign_in_form().email.empty() && app.sign_in_form().password.empty());
}

}  // namespace
}  // namespace tandem::testing

namespace tandem::testing {
namespace {

// On a shared device the next person signs in while an answer to the last one's request may still be on its
// way: what a feature asked for in a session reaches it only while that session lasts.
TEST_F(AppTest, AnAnswerOrAFileThatArrivesAfterSignOutIsDropped) {
    client::Context& features_view = app;
    int answers = 0, files = 0;
    features_view.platform().send({"POST", "/api/v1/people/p1/invite", "", "token-1"},
                                  [&](client::HttpResponse) { ++answers; });
    features_view.platform().pick_file(".csv", [&](std::string, std::string) { ++files; });
    app.sign_out();
    platform.answer_to("/api/v1/people/p1/invite", 200, R"({"invite_token":"for-the-last-person"})");
    platform.choose_file("people.csv", "employee_id,name\n");
    EXPECT_EQ(answers, 0) << "the invitation link must not reach the next person's screen";
    EXPECT_EQ(files, 0);

    app.sign_in("manager1@demo.example", "tandem-demo");
    platform.answer(200, Json{{"token", "token-2"}, {"user", {{"id", kMaya}, {"name", "Maya Chen"}, {"role", "manager"}}}}
                             .dump());
    features_view.platform().send({"GET", "/api/v1/audit", "", "token-2"}, [&](client::HttpResponse) { ++answers; });
    platform.answer_to("/api/v1/audit", 200, "{}");
    EXPECT_EQ(answers, 1) << "a request of the session that is on still gets its answer";
}

}  // namespace
}  // namespace tandem::testing
