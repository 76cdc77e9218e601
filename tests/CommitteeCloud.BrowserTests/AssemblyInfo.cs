global using CommitteeCloud.Testing;
global using Microsoft.Playwright;
global using Xunit;

[assembly: AssemblyFixture(typeof(AppFixture))]
[assembly: AssemblyFixture(typeof(CommitteeCloud.BrowserTests.BrowserFixture))]
