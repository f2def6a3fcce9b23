/// Passwords and password cores that are among the first any guesser tries, written for
/// Freightdesk from general knowledge (not copied from any published list): digit and keyboard
/// habits, English favourites, and the pinyin and number codes popular in China (`woaini` is
/// 我爱你, `5201314` reads as 我爱你一生一世, `mima` is 密码). All lower case.
///
/// Entries are matched against the whole password and against its core with digits and
/// symbols around it removed, so `admin` also refuses `admin2024!`; runs, repeats, keyboard
/// walks and dates are caught by rule in ``PasswordPatterns`` and need no entry.
enum CommonPasswords {
  static let entries: Set<String> = [
    // Digit habits that no rule covers.
    "5201314", "1314520", "520520", "521521", "147258369", "159357", "147258", "258369",
    "11223344", "112233", "123123123", "123321", "666888", "168168", "518518",
    // Letter-digit habits.
    "a123456", "aa123456", "a123456789", "qq123456", "abc123", "abc123456", "abcd1234",
    "a1b2c3", "a1b2c3d4", "1q2w3e4r", "1q2w3e4r5t", "q1w2e3r4", "zaq12wsx", "1qazxsw2",
    "qaz123", "asd123", "zxc123", "qwe123", "woaini1314", "woaini520", "iloveyou1314",
    // English words and phrases people reach for.
    "password", "passwort", "passwd", "pass", "secret", "letmein", "welcome", "iloveyou",
    "love", "hello", "admin", "administrator", "root", "user", "guest", "test", "login",
    "master", "monkey", "dragon", "shadow", "sunshine", "princess", "football", "baseball",
    "superman", "batman", "trustno", "freedom", "whatever", "computer", "internet", "windows",
    "changeme", "default", "qwerty", "azerty", "qwertz",
    // Pinyin and place names.
    "woaini", "wodemima", "mima", "mimamima", "nihao", "zhongguo", "china", "beijing",
    "shanghai", "shenzhen", "guangzhou", "aini", "laogong", "laopo", "baobao", "xiaobao",
    // Words of this trade and this product.
    "wuliu", "kuaidi", "huoyun", "yunshu", "cangku", "freightdesk", "logistics",
    // The same in Chinese characters.
    "密码", "我爱你", "你好", "中国", "物流", "快递",
  ]
}
