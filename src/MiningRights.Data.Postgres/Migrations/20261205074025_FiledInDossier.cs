using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MiningRights.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FiledInDossier : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_WorkflowInstances_Rights_RightId",
                table: "WorkflowInstances");

            migrationBuilder.RenameColumn(
                name: "RightId",
                table: "WorkflowInstances",
                newName: "DossierId");

            migrationBuilder.RenameIndex(
                name: "IX_WorkflowInstances_RightId",
                table: "WorkflowInstances",
                newName: "IX_WorkflowInstances_DossierId");

            migrationBuilder.RenameColumn(
                name: "RightId",
                table: "AuditEvents",
                newName: "DossierId");

            migrationBuilder.RenameIndex(
                name: "IX_AuditEvents_RightId",
                table: "AuditEvents",
                newName: "IX_AuditEvents_DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_Name_ProcessFinishedAtUtc_DueOn_InstanceId",
                table: "Deadlines",
                columns: new[] { "Name", "ProcessFinishedAtUtc", "DueOn", "InstanceId" });

            migrationBuilder.AddForeignKey(
                name: "FK_WorkflowInstances_Rights_DossierId",
                table: "WorkflowInstances",
                column: "DossierId",
                principalTable: "Rights",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_WorkflowInstances_Rights_DossierId",
                table: "WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_Deadlines_Name_ProcessFinishedAtUtc_DueOn_InstanceId",
                table: "Deadlines");

            migrationBuilder.RenameColumn(
                name: "DossierId",
                table: "WorkflowInstances",
                newName: "RightId");

            migrationBuilder.RenameIndex(
                name: "IX_WorkflowInstances_DossierId",
                table: "WorkflowInstances",
                newName: "IX_WorkflowInstances_RightId");

            migrationBuilder.RenameColumn(
                name: "DossierId",
                table: "AuditEvents",
                newName: "RightId");

            migrationBuilder.RenameIndex(
                name: "IX_AuditEvents_DossierId",
                table: "AuditEvents",
                newName: "IX_AuditEvents_RightId");

            migrationBuilder.AddForeignKey(
                name: "FK_WorkflowInstances_Rights_RightId",
                table: "WorkflowInstances",
                column: "RightId",
                principalTable: "Rights",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
