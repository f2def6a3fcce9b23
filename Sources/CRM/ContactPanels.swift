import FreightdeskCore
import Web

/// The customer's contacts, with a form to add one and buttons to remove.
struct ContactsPanel: CustomerPanel {
  let service: CRMService
  let titleKey = "crm.panel.contacts"
  let order = 10
  let permission = CRMPermission.customersRead

  func render(customer: Identifier, context: CustomerPanelContext) throws -> HTML {
    let t = context.localizer
    let contacts = try service.contacts(of: customer, in: context.request.tenant)
    let manage = context.request.can(CRMPermission.customersManage)
    return HTML.group {
      if contacts.isEmpty { HTML.p(.class("text-body-secondary")) { t("crm.contacts.none") } }
      HTML.ul(.class("list-unstyled")) {
        for contact in contacts {
          HTML.li(.class("mb-2")) {
            HTML.strong { contact.name }
            HTML.text(contact.title.isEmpty ? "" : " · \(contact.title)")
            HTML.div(.class("small", "text-body-secondary")) {
              [
                contact.mobile, contact.email,
                contact.wechat.map { t("crm.contact.wechat_value", ["id": $0]) },
              ]
              .compactMap { $0 }.joined(separator: " · ")
            }
            if manage {
              CRMPanels.form(
                context, path: "contacts/\(contact.id)/delete", confirm: t("common.confirm_delete")
              ) {
                FormControls.submit(t("common.delete"), style: "btn-sm btn-link text-danger p-0")
              }
            }
          }
        }
      }
      if manage {
        CRMPanels.form(context, path: "contacts") {
          HTML.div(.class("row", "g-2")) {
            for (name, required) in [
              ("name", true), ("title", false), ("mobile", false), ("email", false),
              ("wechat", false),
            ] {
              HTML.div(.class("col-md-6")) {
                FormControls.field(
                  "contact/\(name)", label: t("crm.contact.\(name)"), state: context.form,
                  localizer: t, type: name == "mobile" ? "tel" : "text", required: required)
              }
            }
          }
          FormControls.submit(t("crm.contacts.add"), style: "btn-sm btn-outline-primary")
        }
      }
    }
  }
}

/// The customer's addresses, with a form to add one.
struct AddressesPanel: CustomerPanel {
  let service: CRMService
  let titleKey = "crm.panel.addresses"
  let order = 20
  let permission = CRMPermission.customersRead

  func render(customer: Identifier, context: CustomerPanelContext) throws -> HTML {
    let t = context.localizer
    let addresses = try service.addresses(of: customer, in: context.request.tenant)
    let manage = context.request.can(CRMPermission.customersManage)
    return HTML.group {
      if addresses.isEmpty { HTML.p(.class("text-body-secondary")) { t("crm.addresses.none") } }
      HTML.ul(.class("list-unstyled")) {
        for address in addresses {
          HTML.li(.class("mb-2")) {
            if !address.label.isEmpty { HTML.strong { address.label + " " } }
            address.province + address.city + address.district + address.detail
            if let point = address.mapPoint {
              HTML.div(.class("small", "text-body-secondary")) {
                t(
                  "crm.address.map_point",
                  [
                    "latitude": CustomerRules.fixedPoint(point.latitudeMicrodegrees, places: 6),
                    "longitude": CustomerRules.fixedPoint(point.longitudeMicrodegrees, places: 6),
                  ])
              }
            }
            if manage {
              CRMPanels.form(
                context, path: "addresses/\(address.id)/delete", confirm: t("common.confirm_delete")
              ) {
                FormControls.submit(t("common.delete"), style: "btn-sm btn-link text-danger p-0")
              }
            }
          }
        }
      }
      if manage {
        CRMPanels.form(context, path: "addresses") {
          HTML.div(.class("row", "g-2")) {
            for (name, required) in [
              ("label", false), ("province", true), ("city", true), ("district", false),
            ] {
              HTML.div(.class("col-md-6")) {
                FormControls.field(
                  "address/\(name)", label: t("crm.address.\(name)"), state: context.form,
                  localizer: t, required: required)
              }
            }
          }
          FormControls.field(
            "address/detail", label: t("crm.address.detail"), state: context.form, localizer: t)
          FormControls.submit(t("crm.addresses.add"), style: "btn-sm btn-outline-primary")
        }
      }
    }
  }

}
