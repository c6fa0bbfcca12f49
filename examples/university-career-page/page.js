// The widget's events bubble out of it and carry ids, counts and scores, never answer text, so
// they can go to your analytics as they are.
const events = ['is-ready', 'is-session-start', 'is-answer-submit', 'is-feedback', 'is-session-complete', 'is-pass-required', 'is-purchase-complete', 'is-token-expired', 'is-error'];
for (const name of events) {
  document.addEventListener(name, (event) => {
    console.info('[careers page]', name, event.detail);
  });
}
// Signed-in students: give the widget a token minted by your backend (see README.md).
//   InterviewStudio.setToken(await fetch('/api/interview-studio-token').then((r) => r.text()));
