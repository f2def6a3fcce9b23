public import Web

// The enumerations of the API's bodies, so the generated schema lists their values and the
// request validator can build samples of them.
extension OrderStatus: SchemaEnumeration {}
extension ServiceType: SchemaEnumeration {}
extension OrderServiceOption: SchemaEnumeration {}
extension OrderSettlement: SchemaEnumeration {}
extension OrderSource: SchemaEnumeration {}
extension StopKind: SchemaEnumeration {}
extension CustomerMessageKind: SchemaEnumeration {}
