using MiningRights.Benchmarks.Harness;

return await BenchmarkProgram.RunAsync(args, Console.Out, CancellationToken.None);
