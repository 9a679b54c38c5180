// The channel tab's configuration (bot/app.py, /tab/configure): the tab shows the page that says how to
// get one's own dashboard link from the bot; it holds no credential, so there is nothing to choose.
microsoftTeams.app.initialize().then(function () {
  var base = document.body.getAttribute("data-base");
  var name = document.body.getAttribute("data-name");
  microsoftTeams.pages.config.registerOnSaveHandler(function (save) {
    microsoftTeams.pages.config
      .setConfig({
        entityId: "dashboard",
        contentUrl: base + "/tab?locale={locale}",
        websiteUrl: base + "/tab",
        suggestedDisplayName: name,
      })
      .then(function () { save.notifySuccess(); }, function (error) { save.notifyFailure(String(error)); });
  });
  microsoftTeams.pages.config.setValidityState(true);
});
