// The Teams tab's single sign-on (bot/tab.py): Teams gives the page a token for the signed-in user, the bot
// checks it and answers with their district's dashboard, which replaces this page. If Teams cannot sign
// them in, or they hold no role there, the page says so and what to do instead.
(function () {
  var body = document.body;
  function say(message) {
    document.getElementById("sso-status").textContent = message;
  }
  microsoftTeams.app
    .initialize()
    .then(function () {
      return microsoftTeams.app.getContext();
    })
    .then(function (context) {
      var team = (context.team && context.team.internalId) || "";
      return microsoftTeams.authentication.getAuthToken().then(function (token) {
        return fetch(body.getAttribute("data-dashboard"), {
          method: "POST",
          credentials: "omit",
          headers: { Authorization: "Bearer " + token, "Content-Type": "application/json" },
          body: JSON.stringify({ team: team }),
        });
      });
    })
    .then(function (response) {
      if (!response.ok) {
        say(body.getAttribute(response.status === 403 ? "data-refused" : "data-failed"));
        return;
      }
      return response.text().then(function (html) {
        var shown = new DOMParser().parseFromString(html, "text/html");
        document.documentElement.lang = shown.documentElement.lang;
        document.head.replaceWith(document.adoptNode(shown.head));
        document.body.replaceWith(document.adoptNode(shown.body));
      });
    })
    .catch(function () {
      say(body.getAttribute("data-failed"));
    });
})();
