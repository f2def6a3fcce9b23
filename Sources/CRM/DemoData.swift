/// The made-up material the demo customers are drawn from: cities with their division codes
/// and map points, name parts, people's names.
enum DemoData {
  /// A city: province, city, districts, the division code for credit codes, and its centre in
  /// microdegrees.
  struct City {
    let province: String
    let city: String
    let districts: [String]
    let division: String
    let latitude: Int64
    let longitude: Int64
  }

  static let cities = [
    City(
      province: "上海市", city: "上海市", districts: ["浦东新区", "闵行区", "嘉定区", "青浦区"],
      division: "310115", latitude: 31_230_416, longitude: 121_473_701),
    City(
      province: "浙江省", city: "杭州市", districts: ["余杭区", "萧山区", "滨江区", "西湖区"],
      division: "330110", latitude: 30_274_084, longitude: 120_155_070),
    City(
      province: "浙江省", city: "义乌市", districts: ["稠城街道", "北苑街道", "江东街道"],
      division: "330782", latitude: 29_306_863, longitude: 120_075_058),
    City(
      province: "江苏省", city: "苏州市", districts: ["工业园区", "吴中区", "昆山市", "相城区"],
      division: "320506", latitude: 31_298_979, longitude: 120_585_315),
    City(
      province: "广东省", city: "广州市", districts: ["白云区", "番禺区", "天河区", "黄埔区"],
      division: "440111", latitude: 23_129_110, longitude: 113_264_385),
    City(
      province: "广东省", city: "深圳市", districts: ["宝安区", "龙岗区", "南山区", "龙华区"],
      division: "440306", latitude: 22_543_096, longitude: 114_057_865),
    City(
      province: "福建省", city: "泉州市", districts: ["晋江市", "石狮市", "丰泽区"],
      division: "350582", latitude: 24_874_132, longitude: 118_675_676),
    City(
      province: "山东省", city: "临沂市", districts: ["兰山区", "罗庄区", "河东区"],
      division: "371302", latitude: 35_104_672, longitude: 118_356_448),
    City(
      province: "湖北省", city: "武汉市", districts: ["东西湖区", "江夏区", "汉阳区"],
      division: "420112", latitude: 30_592_849, longitude: 114_305_539),
    City(
      province: "四川省", city: "成都市", districts: ["双流区", "新都区", "郫都区", "武侯区"],
      division: "510116", latitude: 30_572_815, longitude: 104_066_801),
    City(
      province: "北京市", city: "北京市", districts: ["大兴区", "通州区", "顺义区", "朝阳区"],
      division: "110115", latitude: 39_904_200, longitude: 116_407_396),
    City(
      province: "河南省", city: "郑州市", districts: ["管城回族区", "金水区", "中牟县"],
      division: "410104", latitude: 34_746_599, longitude: 113_625_368),
  ]

  static let brandFirst = Array("云星海锦恒瑞嘉优鼎佳禾润欣达盛源华悦美诚信昌隆丰泰")
  static let brandSecond = Array("舟途品汇宝创通联邦盈川峰尚翔帆航祥晟宸程越辰")
  static let industries: [(trade: String, word: String)] = [
    ("服装", "服饰"), ("3C数码", "电子科技"), ("食品生鲜", "食品"), ("家居", "家居用品"),
    ("美妆", "化妆品"), ("母婴", "母婴用品"), ("图书", "文化传媒"), ("汽配", "汽车配件"),
    ("日用百货", "商贸"), ("茶叶", "茶业"),
  ]
  static let sources = ["转介绍", "展会", "官网咨询", "电话开发", "老客户推荐", "电商平台"]
  static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾")
  static let givenNames = [
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛",
    "明", "超", "秀英", "霞", "平", "刚", "桂英", "建华", "晓东", "海燕", "志强", "丹", "鹏",
  ]
  static let titles = ["物流经理", "仓储主管", "采购经理", "总经理", "运营专员", "客服主管", "财务"]
  static let streets = ["工业大道", "物流园路", "科技路", "创业路", "人民路", "滨河路", "迎宾大道"]
  static let timeWindows = ["09:00–12:00", "09:00–12:00，14:00–17:30", "13:00–18:00", "08:00–20:00"]
  static let packaging = ["", "", "纸箱加缠绕膜", "木架包装", "托盘打包，不可倒置", "防潮袋"]
  static let driverNotes = [
    "", "", "到仓前半小时电话联系仓管", "卸货需自带液压车", "园区限高 4.2 米，走北门",
    "周日不收货",
  ]
  static let interactionSummaries: [(InteractionKind, String)] = [
    (.call, "确认下周发货量，预计比上月增加两成"),
    (.visit, "上门拜访仓库负责人，了解双十一备货计划"),
    (.wechat, "客户询问冷链线路报价，已转报价专员"),
    (.email, "发送月度对账单，请客户确认"),
    (.note, "客户反映上次送货晚到，已安排回访"),
    (.call, "回访签收回单寄回情况"),
  ]
  static let followUpTitles = [
    "回访本月发货体验", "跟进报价反馈", "催收上月运费", "确认春节停发安排", "预约上门拜访",
  ]
}
