// Scaffold; replaced as the module is built.
