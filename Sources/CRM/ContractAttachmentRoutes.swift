import FreightdeskCore
import Web

/// Contract attachments in the API (`/api/v1/contracts/{id}/attachments`) and on the contract's
/// page (`/app/contracts/{id}`), where they are listed, uploaded and downloaded.
enum ContractAttachmentRoutes {
  static func register(_ routes: ModuleRoutes, page: SignedInPage) {
    let services = routes.services
    let read = CommercialPermissions.contractsRead
    let manage = CommercialPermissions.contractsManage
    routes.api.get(
      "/contracts/{id}/attachments",
      Web.Operation(
        id: "listContractAttachments", summary: "A contract's attachments", tag: "Contracts",
        permission: read, responseBody: .of(ItemList<ContractAttachment>.self))
    ) { _, context in
      let id = try context.request.parameters.identifier("id")
      return try JSONBody.response(
        ItemList(
          items: try context.read(services.database) { scope in
            _ = try ContractStore.load(id, scope)
            return try ContractAttachments.list(of: id, scope)
          }))
    }
    routes.api.post(
      "/contracts/{id}/attachments",
      Web.Operation(
        id: "uploadContractAttachment",
        summary: "Attach a file (multipart field `file`) to a contract", tag: "Contracts",
        permission: manage, responseBody: .of(ContractAttachment.self), successStatus: 201,
        bodyBytesMax: ContractAttachments.uploadBodyBytesMax)
    ) { request, context in
      let id = try context.request.parameters.identifier("id")
      let attachment = try ContractAttachments.upload(
        request, to: id, context: context, services: services)
      return try JSONBody.response(
        attachment, status: 201,
        headers: ["Location": "/api/v1/contracts/\(id)/attachments/\(attachment.id)"])
    }
    for (group, operation) in [
      (routes.api, "downloadContractAttachment"), (routes.app, "getContractAttachmentFile"),
    ] {
      group.get(
        "/contracts/{id}/attachments/{attachment_id}",
        Web.Operation(
          id: operation,
          summary: "Download a contract's attachment", tag: "Contracts", permission: read,
          style: .plain)
      ) { _, context in
        try ContractAttachments.download(
          try context.request.parameters.identifier("attachment_id"),
          of: try context.request.parameters.identifier("id"), context: context,
          services: services)
      }
    }
    registerPages(routes.app, services: services, page: page)
  }

  private static func registerPages(
    _ app: RouteGroup<AuthenticatedContext>, services: ModuleServices, page: SignedInPage
  ) {
    app.get(
      "/contracts/{id}",
      CommercialPage.operation(
        "getContractPage", "A contract and its attachments", CommercialPermissions.contractsRead)
    ) { _, context in
      try render(context, services: services, page: page, error: nil)
    }
    app.post(
      "/contracts/{id}/attachments",
      Web.Operation(
        id: "postContractAttachment", summary: "Attach a file to a contract",
        tag: "Commercial pages", permission: CommercialPermissions.contractsManage,
        style: .page, bodyBytesMax: ContractAttachments.uploadBodyBytesMax)
    ) { request, context in
      let id = try context.request.parameters.identifier("id")
      do {
        _ = try ContractAttachments.upload(request, to: id, context: context, services: services)
        return page.done("/app/contracts/\(id)", message: "flash.created")
      } catch let error as ValidationFailure {
        return try render(context, services: services, page: page, error: error)
      }
    }
  }

  private static func render(
    _ context: AuthenticatedContext, services: ModuleServices, page: SignedInPage,
    error: ValidationFailure?
  ) throws -> Response {
    let id = try context.request.parameters.identifier("id")
    let (contract, attachments) = try context.read(services.database) {
      (try ContractStore.load(id, $0), try ContractAttachments.list(of: id, $0))
    }
    let state = error.map { FormState(errors: $0.fieldErrors) } ?? FormState()
    return page.render(
      context, path: "/app/contracts", titleKey: "contracts.title",
      status: error?.kind.httpStatus ?? 200
    ) { t in
      HTML.h1(.class("h3")) { "\(contract.number) \(contract.title)" }
      HTML.p { "\(contract.validFrom) – \(contract.validThrough)" }
      HTML.h2(.class("h5")) { t("contracts.attachments") }
      if attachments.isEmpty {
        HTML.p(.class("text-body-secondary")) { t("contracts.attachments.none") }
      }
      HTML.ul(.class("list-unstyled"), .id("contract-attachments")) {
        for attachment in attachments {
          HTML.li {
            HTML.a(.href("/app/contracts/\(id)/attachments/\(attachment.id)")) {
              attachment.fileName
            }
            HTML.span(.class("small", "text-body-secondary", "ms-2")) {
              t(
                "contracts.attachment.uploaded",
                [
                  "size": String((attachment.sizeBytes + 1023) / 1024),
                  "name": attachment.uploadedByName, "date": t.date(attachment.uploadedAt),
                ])
            }
          }
        }
      }
      if context.can(CommercialPermissions.contractsManage) {
        HTML.form(
          .method("post"), .action("/app/contracts/\(id)/attachments"),
          .enctype("multipart/form-data")
        ) {
          FormControls.csrf(context.csrfToken)
          HTML.div(.class("mb-3")) {
            HTML.label(.class("form-label"), .for("field-file")) { t("contracts.attachment.file") }
            HTML.input(
              .type("file"), .class("form-control", state.errors.isEmpty ? "" : "is-invalid"),
              .id("field-file"), .name("file"), .required(true))
            for problem in state.errors {
              HTML.div(.class("invalid-feedback")) { t.message(for: problem) }
            }
          }
          FormControls.submit(t("contracts.attachment.upload"))
        }
      }
    }
  }
}
