// The marker of the UI's string resources (Resources/Ui.resx is Vietnamese, Ui.en.resx English), generated from
// scripts/strings.py so the two languages keep the same keys.
namespace CommitteeCloud.Web;

public sealed class Ui;
