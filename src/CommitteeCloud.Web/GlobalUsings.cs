// What every feature file uses: the pipeline (Mediator, validation), the database and the tenant.
global using CommitteeCloud.Web.Platform.Cqrs;
global using CommitteeCloud.Web.Platform.Endpoints;
global using CommitteeCloud.Web.Platform.Persistence;
global using CommitteeCloud.Web.Platform.Tenancy;
global using FluentValidation;
global using Mediator;
global using Microsoft.EntityFrameworkCore;
global using CommitteeCloud.Web.Platform;
