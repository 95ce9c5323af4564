namespace ConnectingNer.Infrastructure.Persistence.Seed;

/// <summary>The demo shelves of a North-East Indian shop: each category with base products and a price band in rupees.</summary>
internal static class DemoCatalog
{
    public sealed record Shelf(string Name, string Slug, string Description, string SkuPrefix, int MinRupees, int MaxRupees, string[] Items);

    public static readonly Shelf[] Shelves =
    [
        new("Tea", "tea", "Orthodox and CTC teas from Assam, Darjeeling's neighbours and the hills of Arunachal.", "TEA", 120, 1800,
            ["Assam Orthodox Black Tea", "Assam CTC Tea", "Golden Tips Assam Tea", "Arunachal White Tea", "Majuli Green Tea",
             "Dibrugarh Breakfast Blend", "Smoked Singpho Phalap Tea", "Jorhat Second Flush", "Masala Chai Blend", "Tulsi Green Tea"]),
        new("Spices", "spices", "Lakadong turmeric, Naga king chilli and large cardamom grown in the hills.", "SPC", 80, 900,
            ["Lakadong Turmeric Powder", "Bhut Jolokia Dried Chilli", "Sikkim Large Cardamom", "Naga Chilli Flakes",
             "Wild Sichuan Pepper (Timur)", "Meghalaya Black Pepper", "Mizo Ginger Powder", "Khasi Bay Leaf", "Garcinia (Thekera) Slices", "Axone Fermented Soybean"]),
        new("Rice and Grains", "rice-grains", "Heirloom rices and millets: black, red, sticky and aromatic.", "GRN", 90, 700,
            ["Chak-Hao Manipuri Black Rice", "Assam Bao Red Rice", "Joha Aromatic Rice", "Bora Sticky Rice", "Kola Chaul",
             "Arunachal Foxtail Millet", "Finger Millet (Ragi)", "Komal Saul Soft Rice", "Tripura Brown Rice", "Job's Tears"]),
        new("Handloom", "handloom", "Muga and eri silk, mekhela chadors and tribal weaves from master weavers.", "HLM", 450, 25000,
            ["Muga Silk Mekhela Chador", "Eri Silk Stole", "Naga Tribal Shawl", "Mizo Puan", "Manipuri Phanek",
             "Tripuri Risa", "Gamosa Towel", "Khasi Jainsem", "Bodo Dokhona", "Apatani Woven Bag"]),
        new("Bamboo and Cane", "bamboo-cane", "Hand-made bamboo and cane craft for home and kitchen.", "BMB", 150, 6000,
            ["Cane Tray", "Bamboo Water Bottle", "Japi Hat", "Bamboo Lamp Shade", "Cane Chair",
             "Bamboo Cutlery Set", "Bamboo Basket", "Cane Fruit Bowl", "Bamboo Pen Stand", "Bamboo Toothbrush Pack"]),
        new("Pickles and Preserves", "pickles-preserves", "Fermented bamboo shoot, king chilli and fruit preserves.", "PKL", 120, 650,
            ["Bamboo Shoot Pickle", "King Chilli Pickle", "Pork Pickle", "Olive (Jolphai) Pickle", "Tenga Mango Pickle",
             "Amla Murabba", "Tripura Pineapple Jam", "Khasi Mandarin Marmalade", "Fish Pickle", "Garlic Pickle"]),
        new("Honey and Organic", "honey-organic", "Forest honey, organic jaggery and cold-pressed oils.", "ORG", 150, 1500,
            ["Wild Forest Honey", "Litchi Blossom Honey", "Mustard Oil (Cold Pressed)", "Organic Jaggery", "Bee Pollen",
             "Sikkim Organic Ginger", "Perilla Seeds", "Black Sesame Seeds", "Kiwi Wine Vinegar", "Bamboo Salt"]),
        new("Fruits and Dry Snacks", "fruits-snacks", "Arunachal kiwis, Khasi mandarins and crisp local snacks.", "FRT", 90, 1200,
            ["Dried Arunachal Kiwi", "Khasi Mandarin Chips", "Pineapple Candy", "Banana Chips", "Sesame Pitha",
             "Til Laddoo", "Narikol Laru", "Smoked Dried Fish", "Roasted Peanuts", "Jackfruit Chips"]),
        new("Jewellery", "jewellery", "Traditional Assamese gold-plated and tribal bead jewellery.", "JWL", 350, 15000,
            ["Jonbiri Pendant", "Gamkharu Bangle", "Dugdugi Necklace", "Naga Bead Necklace", "Lokaparo Earrings",
             "Thuria Earrings", "Kopali Choker", "Brass Armlet", "Bamboo Earrings", "Conch Shell Bracelet"]),
        new("Home Fragrance", "home-fragrance", "Agarwood (oud) from Assam, incense and candles.", "FRG", 100, 9000,
            ["Agarwood Oud Oil", "Agarwood Incense Sticks", "Sandalwood Incense", "Lemongrass Oil", "Citronella Candle",
             "Oud Chips", "Camphor Tablets", "Jasmine Attar", "Pine Resin Cones", "Patchouli Oil"]),
    ];

    public static readonly string[] Origins =
        ["Assam", "Meghalaya", "Manipur", "Mizoram", "Nagaland", "Tripura", "Arunachal Pradesh", "Sikkim"];

    public static readonly string[] Variants =
        ["Classic", "Premium", "Small Batch", "Festive", "Family Pack", "Gift Box", "Everyday", "Reserve", "Heritage", "Hill Grown"];
}
