global using System.Net;
global using System.Net.Http.Json;
global using CommitteeCloud.Testing;
global using Xunit;
