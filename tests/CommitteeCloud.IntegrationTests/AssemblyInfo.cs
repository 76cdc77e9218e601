using CommitteeCloud.Testing;

[assembly: AssemblyFixture(typeof(AppFixture))]
