global using CommitteeCloud.Testing;
global using Microsoft.Playwright;
global using Xunit;
global using System.Net.Http.Json;

[assembly: AssemblyFixture(typeof(AppFixture))]
[assembly: AssemblyFixture(typeof(CommitteeCloud.BrowserTests.BrowserFixture))]
