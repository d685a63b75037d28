/**
 * Loaded with `node --import` before dist/app.js: once the app has started, fails the way a Web API
 * call that nothing awaited did, with the bot token in the error's request headers and message.
 * CRASH_KIND picks an uncaught exception or an unhandled promise rejection.
 */
const token = process.env.SLACK_BOT_TOKEN ?? "";

function webApiLikeError() {
  const error = new Error(
    `An API error occurred: request to https://slack.test/api/auth.test with ${token} failed`,
  );
  error.code = "slack_webapi_request_error";
  error.request = { headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" } };
  return error;
}

setTimeout(() => {
  if (process.env.CRASH_KIND === "rejection") {
    Promise.reject(webApiLikeError());
  } else {
    throw webApiLikeError();
  }
}, 1_500);
