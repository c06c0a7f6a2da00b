Console.WriteLine("The compliance benchmark is being written; see issue 5.");
